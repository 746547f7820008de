// Edits at statement level shared by fixes and refactorings: rewriting a statement's text with local
// edits, and replacing one statement by several (splitting), keeping the array's layout.

import type { Statement, PolicyDocument } from '../parser/policyModel';
import { applyOffsetEdits, eol, lineIndent } from './jsonEdits';
import type { OffsetEdit } from './fixTypes';

/** The text of `statement` after `edits` (given in document offsets inside the statement). */
export function statementTextWith(text: string, statement: Statement, edits: readonly OffsetEdit[]): string {
  const start = statement.node.offset;
  const local = edits.map((e) => ({ ...e, offset: e.offset - start }));
  return applyOffsetEdits(text.slice(start, start + statement.node.length), local);
}

/** Replaces one statement with several statement texts, as array elements in the same layout. */
export function replaceStatementWith(text: string, policy: PolicyDocument, statement: Statement, texts: readonly string[]): OffsetEdit {
  const indent = lineIndent(text, statement.node.offset);
  const onOwnLine = text.slice(text.lastIndexOf('\n', statement.node.offset - 1) + 1, statement.node.offset).trim() === '';
  const sep = onOwnLine ? `,${eol(text)}${indent}` : ', ';
  const joined = texts.join(sep);
  if (policy.statementIsObject) {
    return { offset: statement.node.offset, length: statement.node.length, newText: `[${joined}]` };
  }
  return { offset: statement.node.offset, length: statement.node.length, newText: joined };
}


/** A Sid made unique and valid (alphanumeric only) by appending a suffix. */
export function sidWithSuffix(sid: string | undefined, suffix: string, taken: ReadonlySet<string>): string | undefined {
  if (sid === undefined) return undefined;
  const clean = suffix.replace(/[^A-Za-z0-9]/g, '');
  let candidate = `${sid}${clean.charAt(0).toUpperCase()}${clean.slice(1)}`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${sid}${clean}${n}`;
  return candidate;
}
