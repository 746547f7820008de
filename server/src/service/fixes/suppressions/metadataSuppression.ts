// "Disable RULE for this resource (Metadata)": in a CloudFormation template (JSON or YAML) the edit that adds the
// rule code to the resource's `Metadata: {iam-policy: {ignore_checks: [...]}}`, the form
// suppress/inlineSuppressions.ts reads (cfn-lint's `Metadata: cfn-lint: config: ignore_checks` pattern). It
// creates Metadata, iam-policy or ignore_checks where missing and appends to a list that exists. JSON edits
// keep the document's layout (jsonEdits.ts); YAML edits insert block lines at the indentation of the
// neighbouring keys. A layout it cannot extend safely (flow mappings, intrinsics, aliases) gets no proposal;
// codeActions.ts still vets that the result suppresses the diagnostic and adds no error.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { JsonNode } from '../../parser/jsonTree';
import { properties, propertyKey, propertyValue } from '../../parser/jsonTree';
import { METADATA_KEY } from '../../suppress/inlineSuppressions';
import type { FixContext, FixProposal, OffsetEdit } from '../fixTypes';
import { appendProperty, eol, lineIndent, replaceStringList } from '../jsonEdits';

const IGNORE_CHECKS = 'ignore_checks';

const child = (node: JsonNode | undefined, key: string): JsonNode | undefined => properties(node).find((p) => propertyKey(p) === key);

/** The `Resources` entry (property node) whose span holds `offset`. */
function resourceAt(root: JsonNode | undefined, offset: number): JsonNode | undefined {
  const resources = child(root, 'Resources');
  return properties(resources ? propertyValue(resources) : undefined).find((r) => offset >= r.offset && offset <= r.offset + r.length);
}

const codesOf = (node: JsonNode): string[] | undefined =>
  node.type === 'string' ? [node.value as string] : node.type === 'array' && (node.children ?? []).every((c) => c.type === 'string') ? (node.children ?? []).map((c) => c.value as string) : undefined;

/** JSON template: append properties / list items with jsonEdits. */
function jsonEdit(text: string, resource: JsonNode, code: string): OffsetEdit | undefined {
  const value = propertyValue(resource);
  if (value?.type !== 'object') return undefined;
  const metadata = child(value, 'Metadata');
  if (!metadata) return appendProperty(text, value, 'Metadata', { [METADATA_KEY]: { [IGNORE_CHECKS]: [code] } });
  const metaValue = propertyValue(metadata);
  if (metaValue?.type !== 'object') return undefined;
  const ours = child(metaValue, METADATA_KEY);
  if (!ours) return appendProperty(text, metaValue, METADATA_KEY, { [IGNORE_CHECKS]: [code] });
  const oursValue = propertyValue(ours);
  if (oursValue?.type !== 'object') return undefined;
  const list = child(oursValue, IGNORE_CHECKS);
  if (!list) return appendProperty(text, oursValue, IGNORE_CHECKS, [code]);
  const listValue = propertyValue(list);
  const codes = listValue ? codesOf(listValue) : undefined;
  if (!listValue || !codes || codes.includes(code)) return undefined;
  return replaceStringList(text, listValue, [...codes, code]);
}

/** The text of a YAML block mapping's first key line start, or undefined for a flow mapping / scalar / empty value. */
function blockMappingFirstLine(text: string, node: JsonNode | undefined): { offset: number; indent: string } | undefined {
  const first = properties(node)[0];
  if (node?.type !== 'object' || !first || text[node.offset] === '{' || text[first.offset] === '{') return undefined;
  const lineStart = text.lastIndexOf('\n', first.offset - 1) + 1;
  const indent = lineIndent(text, first.offset);
  // the first key must start its own line (`- Key:` list items and `Key: {…}` are not extended)
  if (text.slice(lineStart, first.offset) !== indent) return undefined;
  return { offset: lineStart, indent };
}

/** YAML template: insert block lines before the first key of the innermost mapping that exists. */
function yamlEdit(text: string, resource: JsonNode, code: string): OffsetEdit | undefined {
  const nl = eol(text);
  const value = propertyValue(resource);
  const at = blockMappingFirstLine(text, value);
  if (!at) return undefined;
  const keyIndent = lineIndent(text, resource.offset);
  const unit = at.indent.length > keyIndent.length ? at.indent.slice(keyIndent.length) : '  ';
  const lines = (indent: string, keys: string[]): string => {
    let out = '';
    let ind = indent;
    for (const k of keys) {
      out += `${ind}${k}:${nl}`;
      ind += unit;
    }
    return `${out}${ind}- ${code}${nl}`;
  };
  const metadata = child(value, 'Metadata');
  if (!metadata) return { offset: at.offset, length: 0, newText: lines(at.indent, ['Metadata', METADATA_KEY, IGNORE_CHECKS]) };
  const metaAt = blockMappingFirstLine(text, propertyValue(metadata));
  if (!metaAt) return undefined;
  const ours = child(propertyValue(metadata), METADATA_KEY);
  if (!ours) return { offset: metaAt.offset, length: 0, newText: lines(metaAt.indent, [METADATA_KEY, IGNORE_CHECKS]) };
  const oursAt = blockMappingFirstLine(text, propertyValue(ours));
  if (!oursAt) return undefined;
  const list = child(propertyValue(ours), IGNORE_CHECKS);
  if (!list) return { offset: oursAt.offset, length: 0, newText: lines(oursAt.indent, [IGNORE_CHECKS]) };
  const listValue = propertyValue(list);
  const codes = listValue ? codesOf(listValue) : undefined;
  if (!listValue || !codes || codes.includes(code)) return undefined;
  const raw = text.slice(listValue.offset, listValue.offset + listValue.length);
  if (listValue.type === 'string') return /[\n#]/.test(raw) ? undefined : { offset: listValue.offset, length: listValue.length, newText: `[${raw}, ${code}]` };
  if (raw.startsWith('[')) {
    // a flow sequence: the new code goes first, so no separator question at the end
    return { offset: listValue.offset + 1, length: 0, newText: codes.length ? `${code}, ` : code };
  }
  const firstItem = listValue.children?.[0];
  if (!firstItem) return undefined;
  const itemLine = text.lastIndexOf('\n', firstItem.offset - 1) + 1;
  const dash = /^[ \t]*- /.exec(text.slice(itemLine, firstItem.offset));
  if (!dash) return undefined;
  return { offset: itemLine, length: 0, newText: `${dash[0]}${code}${nl}` };
}

/** The Metadata suppression proposal for a diagnostic in a CloudFormation resource, if the layout allows one. */
export function metadataSuppressionProposal(ctx: FixContext, diagnostic: Diagnostic, code: string): FixProposal | undefined {
  if (ctx.parsed.container !== 'cloudformation') return undefined;
  const resource = resourceAt(ctx.parsed.root, ctx.doc.offsetAt(diagnostic.range.start));
  if (!resource) return undefined;
  const edit = ctx.parsed.syntax === 'yaml' ? yamlEdit(ctx.text, resource, code) : ctx.parsed.syntax === undefined ? jsonEdit(ctx.text, resource, code) : undefined;
  if (!edit || edit.newText === '' && edit.length === 0) return undefined;
  return { title: `Disable ${code} for this resource (Metadata)`, kind: 'quickfix', edits: [edit] };
}
