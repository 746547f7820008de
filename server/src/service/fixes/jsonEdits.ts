// Formatting-aware JSON edit builders for fixes: they read the user's indentation and one-line vs
// multi-line style from the text around the node and produce edits in the same style. They never parse
// or re-serialise the whole document, so everything outside the edit stays byte-for-byte identical.

import type { JsonNode } from '../parser/jsonTree';
import { properties, propertyKey, propertyValue } from '../parser/jsonTree';
import type { OffsetEdit } from './fixTypes';

/** The indentation unit of a document: the smallest indentation step seen (tabs or N spaces); 2 spaces by default. */
export function indentUnit(text: string): string {
  // every edit builder asks, once per proposal: the CLI report builds thousands of proposals per large policy
  if (text === lastIndentText) return lastIndentUnit;
  const unit = scanIndentUnit(text);
  // one text kept (the document last fixed), never more
  lastIndentText = text;
  lastIndentUnit = unit;
  return unit;
}

let lastIndentText: string | undefined;
let lastIndentUnit = '  ';

function scanIndentUnit(text: string): string {
  let best: string | undefined;
  const re = /\n([ \t]+)\S/g;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = re.exec(text)) && seen++ < 200) {
    const ws = m[1]!;
    if (ws.includes('\t')) return '\t';
    if (!best || ws.length < best.length) best = ws;
  }
  return best ?? '  ';
}

/** The whitespace at the start of the line containing `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return m ? m[0] : '';
}

export function isMultiLine(text: string, node: JsonNode): boolean {
  return text.slice(node.offset, node.offset + node.length).includes('\n');
}

/** The line-ending style of the document. */
export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** JSON text for a value, laid out multi-line with `base` indentation and `unit` steps, or on one line. */
export function formatValue(value: unknown, options: { multiLine: boolean; base: string; unit: string; eol: string }): string {
  const { multiLine, base, unit, eol: nl } = options;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!multiLine) return `[${value.map((v) => formatValue(v, options)).join(', ')}]`;
    const inner = base + unit;
    return `[${nl}${value.map((v) => inner + formatValue(v, { ...options, base: inner })).join(`,${nl}`)}${nl}${base}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    if (!multiLine) return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${formatValue(v, options)}`).join(', ')} }`;
    const inner = base + unit;
    return `{${nl}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatValue(v, { ...options, base: inner })}`).join(`,${nl}`)}${nl}${base}}`;
  }
  return JSON.stringify(value);
}

/** Replaces a node's whole text. */
export function replaceNode(node: JsonNode, newText: string): OffsetEdit {
  return { offset: node.offset, length: node.length, newText };
}

/**
 * Replaces the value of an Action/Resource-like element with a list of strings, keeping its style:
 * a single string stays a string when one value remains; a one-line array stays one line; a multi-line
 * array keeps its item indentation.
 */
export function replaceStringList(text: string, valueNode: JsonNode, values: readonly string[]): OffsetEdit {
  const unit = indentUnit(text);
  const nl = eol(text);
  if (values.length === 1 && valueNode.type === 'string') return replaceNode(valueNode, JSON.stringify(values[0]));
  const base = lineIndent(text, valueNode.offset);
  const multiLine = valueNode.type === 'array' ? isMultiLine(text, valueNode) : values.length > 3;
  let itemBase = base;
  if (valueNode.type === 'array' && multiLine && valueNode.children?.length) {
    // keep the indentation the user gave the first item
    itemBase = lineIndent(text, valueNode.children[0]!.offset).slice(unit.length);
  }
  return replaceNode(valueNode, formatValue([...values], { multiLine, base: itemBase, unit, eol: nl }));
}

/**
 * Adds a property at the end of an object, in the object's style (one line or one property per line,
 * with the indentation of its existing properties).
 */
export function appendProperty(text: string, objectNode: JsonNode, key: string, value: unknown): OffsetEdit {
  const unit = indentUnit(text);
  const nl = eol(text);
  const props = properties(objectNode);
  const closing = objectNode.offset + objectNode.length - 1; // the "}"
  const multiLine = isMultiLine(text, objectNode);
  if (props.length === 0) {
    // an unclosed object (the user is still typing) has no "}" to insert before: leave it alone
    if (text.charCodeAt(closing) !== 125 || closing <= objectNode.offset) return { offset: objectNode.offset, length: 0, newText: '' };
    if (!multiLine) return { offset: objectNode.offset + 1, length: closing - objectNode.offset - 1, newText: ` ${JSON.stringify(key)}: ${formatValue(value, { multiLine: false, base: '', unit, eol: nl })} ` };
    const base = lineIndent(text, objectNode.offset);
    const inner = base + unit;
    return { offset: objectNode.offset + 1, length: closing - objectNode.offset - 1, newText: `${nl}${inner}${JSON.stringify(key)}: ${formatValue(value, { multiLine: true, base: inner, unit, eol: nl })}${nl}${base}` };
  }
  const last = props[props.length - 1]!;
  const end = last.offset + last.length;
  if (!multiLine) {
    return { offset: end, length: 0, newText: `, ${JSON.stringify(key)}: ${formatValue(value, { multiLine: false, base: '', unit, eol: nl })}` };
  }
  const propIndent = lineIndent(text, last.offset);
  const sameLineAsPrevious = props.length > 1 && !text.slice(props[props.length - 2]!.offset, last.offset).includes('\n');
  if (sameLineAsPrevious) {
    return { offset: end, length: 0, newText: `, ${JSON.stringify(key)}: ${formatValue(value, { multiLine: false, base: '', unit, eol: nl })}` };
  }
  return { offset: end, length: 0, newText: `,${nl}${propIndent}${JSON.stringify(key)}: ${formatValue(value, { multiLine: true, base: propIndent, unit, eol: nl })}` };
}

/** Inserts a property as the first one of an object (used for "Version"). */
export function prependProperty(text: string, objectNode: JsonNode, key: string, value: unknown): OffsetEdit {
  const props = properties(objectNode);
  if (props.length === 0) return appendProperty(text, objectNode, key, value);
  const first = props[0]!;
  const unit = indentUnit(text);
  const nl = eol(text);
  const sameLine = !text.slice(objectNode.offset, first.offset).includes('\n');
  const rendered = `${JSON.stringify(key)}: ${formatValue(value, { multiLine: false, base: '', unit, eol: nl })}`;
  if (sameLine) return { offset: first.offset, length: 0, newText: `${rendered}, ` };
  return { offset: first.offset, length: 0, newText: `${rendered},${nl}${lineIndent(text, first.offset)}` };
}

/**
 * Removes one property of an object with the separator that joins it to a neighbour: from the end of the
 * previous property (its comma included), or, for the first property, up to the start of the next one.
 * undefined when `prop` is not a property of `objectNode`.
 */
export function removeProperty(objectNode: JsonNode, prop: JsonNode): OffsetEdit | undefined {
  const props = properties(objectNode);
  const i = props.indexOf(prop);
  if (i < 0) return undefined;
  const end = prop.offset + prop.length;
  if (i > 0) {
    const previousEnd = props[i - 1]!.offset + props[i - 1]!.length;
    return { offset: previousEnd, length: end - previousEnd, newText: '' };
  }
  const next = props[i + 1];
  if (next) return { offset: prop.offset, length: next.offset - prop.offset, newText: '' };
  // the only property: empty the object between its braces
  return { offset: objectNode.offset + 1, length: objectNode.length - 2, newText: '' };
}

/** Edits that add `key: values` under `operator` in a statement's Condition, merging with what exists. */
export function mergeConditionEdits(text: string, statementNode: JsonNode, operator: string, key: string, value: string | readonly string[]): OffsetEdit[] {
  const condProp = properties(statementNode).find((p) => propertyKey(p) === 'Condition');
  const condObj = condProp ? propertyValue(condProp) : undefined;
  if (!condObj || condObj.type !== 'object') {
    if (condProp) return []; // a malformed Condition: leave it to the grammar rule rather than guess
    return [appendProperty(text, statementNode, 'Condition', { [operator]: { [key]: value } })];
  }
  const opProp = properties(condObj).find((p) => propertyKey(p) === operator);
  const opObj = opProp ? propertyValue(opProp) : undefined;
  if (!opObj) return [appendProperty(text, condObj, operator, { [key]: value })];
  if (opObj.type !== 'object') return [];
  if (properties(opObj).some((p) => propertyKey(p).toLowerCase() === key.toLowerCase())) return [];
  return [appendProperty(text, opObj, key, value)];
}

/** Applies offset edits to a text (edits must not overlap). */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
