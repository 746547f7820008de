// A readable example of an ARN template for messages: "arn:${Partition}:s3:::${BucketName}/${ObjectName}" ->
// "arn:aws:s3:::BUCKET_NAME/OBJECT_NAME". Messages only; quick-fix data keep the template itself.

import { isAsciiDigit, isAsciiLower, isAsciiUpper } from '../util/ascii';

/** the placeholders every example fills with the same value */
export const FIXED: Readonly<Record<string, string>> = { Partition: 'aws', Region: 'us-east-1', Account: '123456789012' };

const examples = new Map<string, string>();

export function arnExample(template: string): string {
  let hit = examples.get(template);
  if (hit === undefined) {
    hit = exampleOf(template);
    // the set of templates is the catalog's (a few thousand), so this never grows with user input
    examples.set(template, hit);
  }
  return hit;
}

/**
 * Every `${Name}` (letters and digits) replaced by its fixed value or its upper-snake form; other text, and
 * `${…}` holding anything else, kept. A scan instead of a regular expression with a replacer function: the
 * first messages of a run build hundreds of examples, each through the slow replace-with-callback path.
 * `arnExample.test.ts` keeps that form as the reference it compares with, on every catalog template.
 */
function exampleOf(template: string): string {
  let out = '';
  let from = 0;
  for (let open = template.indexOf('${'); open >= 0; open = template.indexOf('${', open + 2)) {
    const close = template.indexOf('}', open + 2);
    if (close < 0) break;
    const name = template.slice(open + 2, close);
    if (name.length === 0 || !isAlphanumeric(name)) continue;
    out += template.slice(from, open) + (FIXED[name] ?? upperSnake(name));
    from = close + 1;
    open = close - 1;
  }
  return from === 0 ? template : out + template.slice(from);
}

function isAlphanumeric(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isAsciiLower(s.charCodeAt(i)) && !isAsciiUpper(s.charCodeAt(i)) && !isAsciiDigit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * "BucketName" -> "BUCKET_NAME", "DBInstanceName" -> "DB_INSTANCE_NAME", "RoleNameWithPath" -> "ROLE_NAME_WITH_PATH":
 * a "_" before a capital that follows a lowercase letter or digit, and before the last capital of a run of two or
 * more followed by a lowercase letter (what /([a-z0-9])([A-Z])/ then /([A-Z]+)([A-Z][a-z])/ inserted).
 */
export function upperSnake(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (i > 0 && isAsciiUpper(c)) {
      const before = name.charCodeAt(i - 1);
      if (isAsciiLower(before) || isAsciiDigit(before)) out += '_';
      else if (isAsciiUpper(before) && i + 1 < name.length && isAsciiLower(name.charCodeAt(i + 1))) out += '_';
    }
    out += name[i];
  }
  return out.toUpperCase();
}
