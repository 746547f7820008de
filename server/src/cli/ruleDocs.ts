// Where a rule's documentation lives, for SARIF helpUri and JSON output: the package's `homepage` (when the
// published package.json has one) + docs/rules.md, else the docs/rules.md shipped in the package next to dist/.
// Anchors are the lowercased codes (scripts/generateRuleDocs.mjs writes them).

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../../package.json';

const homepage = (pkg as { homepage?: string }).homepage;

const base = homepage ? `${homepage.replace(/#.*$/, '').replace(/\/$/, '')}/blob/v${pkg.version}/docs/rules.md` : pathToFileURL(join(__dirname, '..', 'docs', 'rules.md')).href;

export function ruleDocsUrl(code: string): string {
  return `${base}#${code.toLowerCase()}`;
}
