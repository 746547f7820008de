// The narrowest grant for a denied request: one Allow statement with the exact action on the exact resource,
// appended to an identity policy's Statement list in the file's own layout (fixes/jsonEdits.ts). Only plain
// JSON policies get an edit (a statement inside CloudFormation or Terraform is not written by us). It never
// widens anything else: no wildcard is introduced, no existing statement is touched.

import type { PolicyDocument } from '../../parser/policyModel';
import type { OffsetEdit } from '../../fixes/fixTypes';
import { eol, formatValue, indentUnit, isMultiLine, lineIndent } from '../../fixes/jsonEdits';

export interface GrantStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string;
  readonly Resource: string;
}

/** "s3:GetObject" -> "AllowS3GetObject", made unique against the policy's Sids. */
export function grantSid(action: string, taken: ReadonlySet<string>): string {
  const base = `Allow${action.split(':').map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : p)).join('').replace(/[^A-Za-z0-9]/g, '')}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

export function grantStatement(policy: PolicyDocument, action: string, resource: string | undefined): GrantStatement {
  const taken = new Set(policy.statements.map((s) => s.sid?.value).filter((s): s is string => typeof s === 'string'));
  return { Sid: grantSid(action, taken), Effect: 'Allow', Action: action, Resource: resource && resource.length > 0 ? resource : '*' };
}

/** The edit that appends `statement` to the policy's Statement (turning a single statement object into a list). */
export function appendStatementEdit(text: string, policy: PolicyDocument, statement: GrantStatement): OffsetEdit | undefined {
  const unit = indentUnit(text);
  const nl = eol(text);
  const element = policy.statementElement;
  const list = element?.value;
  if (!list) return undefined;
  if (list.type === 'array') {
    const items = list.children ?? [];
    const multiLine = isMultiLine(text, list);
    if (items.length === 0) {
      const base = lineIndent(text, element.property.offset);
      return { offset: list.offset, length: list.length, newText: formatValue([statement], { multiLine: true, base, unit, eol: nl }) };
    }
    const last = items[items.length - 1]!;
    if (!multiLine) return { offset: last.offset + last.length, length: 0, newText: `, ${formatValue(statement, { multiLine: false, base: '', unit, eol: nl })}` };
    const itemIndent = lineIndent(text, last.offset);
    return { offset: last.offset + last.length, length: 0, newText: `,${nl}${itemIndent}${formatValue(statement, { multiLine: true, base: itemIndent, unit, eol: nl })}` };
  }
  if (list.type === 'object') {
    // "Statement": {…} -> "Statement": [{…}, {new}]
    const base = lineIndent(text, element.property.offset);
    const inner = base + unit;
    const existing = text.slice(list.offset, list.offset + list.length).split(nl).map((line, i) => (i === 0 ? line : unit + line)).join(nl);
    return { offset: list.offset, length: list.length, newText: `[${nl}${inner}${existing},${nl}${inner}${formatValue(statement, { multiLine: true, base: inner, unit, eol: nl })}${nl}${base}]` };
  }
  return undefined;
}
