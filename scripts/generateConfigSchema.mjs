// Writes schemas/iam-policy-config.schema.json and package.json's `iamPolicy.rules` setting from the rule registry
// (server/src/config/configSchema.ts). Reads the compiled modules under out/ (run `npm run build:tests` first).
// Usage: node scripts/generateConfigSchema.mjs [--check]   (--check: exit 1 when a file is stale)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.env.TEST_OUT ?? 'out';
const modulePath = join(root, out, 'server', 'src', 'config', 'configSchema.js');
if (!existsSync(modulePath)) {
  console.error(`generateConfigSchema: ${modulePath} is missing: run \`npm run build:tests\` first.`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { buildConfigSchema, editorRulesSetting } = require(modulePath);
const { ALL_RULES } = require(join(root, out, 'server', 'src', 'service', 'rules', 'registry.js'));

const schemaFile = join(root, 'schemas', 'iam-policy-config.schema.json');
const schemaText = `${JSON.stringify(buildConfigSchema(ALL_RULES), null, 2)}\n`;
const pkgFile = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
pkg.contributes.configuration.properties['iamPolicy.rules'] = editorRulesSetting(ALL_RULES);
const pkgText = `${JSON.stringify(pkg, null, 2)}\n`;

const stale = [];
if (readFileSync(schemaFile, 'utf8') !== schemaText) stale.push(schemaFile);
if (readFileSync(pkgFile, 'utf8') !== pkgText) stale.push(pkgFile);
if (process.argv.includes('--check')) {
  if (stale.length) {
    console.error(`stale: ${stale.join(', ')}: run node scripts/generateConfigSchema.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(schemaFile, schemaText);
  writeFileSync(pkgFile, pkgText);
  console.log(`wrote ${stale.length ? stale.join(', ') : 'nothing (up to date)'}`);
}
