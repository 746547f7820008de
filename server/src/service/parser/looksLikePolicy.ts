// Whether a JSON file that nobody named as a policy is one: what a directory walk and the editor's detection
// check before reporting anything. A file that is meant as a policy but has a misspelled "Statement" or broken
// JSON must still be checked (else CI stays green on it); package.json or tsconfig.json must not be.

import { properties, propertyKey, propertyValue, type JsonNode } from './jsonTree';
import { editDistance } from '../knowledge/suggest';

/** The two policy language versions IAM knows: a top-level string with one of them only appears in policies. */
const POLICY_VERSIONS = new Set(['2012-10-17', '2008-10-17']);

/** `"Version": "2012-10-17"` near the start of a text whose JSON is too broken to have kept the key. */
const VERSION_IN_TEXT = /"Version"\s*:\s*"20(12|08)-10-17"/;

/**
 * True when the root holds "Statement", a top-level key within a typo of it ("Statment", "statements"), or a
 * top-level string value that is a policy version ("Version": "2012-10-17", "Verison": "2012-10-17"); or, when
 * the JSON is broken, the text spells `"Version": "2012-10-17"` in its first 4,000 characters.
 */
export function looksLikePolicy(root: JsonNode | undefined, text: string, hasSyntaxErrors: boolean): boolean {
  if (root?.type === 'object') {
    for (const p of properties(root)) {
      const key = propertyKey(p);
      if (key === 'Statement' || isStatementTypo(key)) return true;
      const v = propertyValue(p);
      if (v?.type === 'string' && POLICY_VERSIONS.has(String(v.value))) return true;
    }
  }
  return hasSyntaxErrors && VERSION_IN_TEXT.test(text.slice(0, 4000));
}

/** "statement", "Statment", "Statemnet", "Statements": case aside, at most two edits from "Statement". */
function isStatementTypo(key: string): boolean {
  if (key.length < 7 || key.length > 11) return false;
  return editDistance(key.toLowerCase(), 'statement', 2) <= 2;
}
