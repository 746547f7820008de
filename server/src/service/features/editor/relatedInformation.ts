// relatedInformation for findings that refer to another place in the document: the earlier Sid of a
// DUPLICATE_SID, the statement a REDUNDANT_STATEMENT repeats, the item that already covers a REDUNDANT_ACTION /
// REDUNDANT_RESOURCE, the other copy of a DUPLICATE_KEY. Read from the finding's data and the model only.

import type { ParsedDocument } from '../../parser/parseDocument';
import type { Span, Statement } from '../../parser/policyModel';
import type { Finding } from '../../rules/rule';
import { properties, propertyKey, propertyKeyNode, type JsonNode } from '../../parser/jsonTree';

export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

function statementAt(parsed: ParsedDocument, offset: number): Statement | undefined {
  for (const p of parsed.policies) for (const s of p.statements) if (s.node.offset <= offset && offset < s.node.offset + s.node.length) return s;
  return undefined;
}

function siblingsOf(parsed: ParsedDocument, offset: number): readonly Statement[] {
  for (const p of parsed.policies) if (p.statements.some((s) => s.node.offset <= offset && offset < s.node.offset + s.node.length)) return p.statements;
  return [];
}

const name = (s: Statement): string => (s.sid && s.sid.value !== '' ? `statement "${s.sid.value}"` : `statement ${s.index + 1}`);

/** The object node whose direct property key sits at `offset`. */
function objectWithKeyAt(node: JsonNode | undefined, offset: number): JsonNode | undefined {
  if (!node || offset < node.offset || offset >= node.offset + node.length) return undefined;
  if (node.type === 'object' && properties(node).some((p) => propertyKeyNode(p)?.offset === offset)) return node;
  for (const c of node.children ?? []) {
    const hit = objectWithKeyAt(c, offset);
    if (hit) return hit;
  }
  return undefined;
}

export function relatedSpans(parsed: ParsedDocument, f: Finding): RelatedSpan[] {
  const data = f.data ?? {};
  switch (f.code) {
    case 'DUPLICATE_SID': {
      const first = data['firstOffset'];
      if (typeof first !== 'number') return [];
      const st = statementAt(parsed, first);
      const sid = st?.sid;
      return sid ? [{ span: { offset: sid.span.offset, length: sid.span.length }, message: `Sid "${sid.value}" is first used here` }] : [];
    }
    case 'REDUNDANT_STATEMENT': {
      const index = data['duplicateOf'];
      if (typeof index !== 'number') return [];
      const first = siblingsOf(parsed, f.span.offset)[index];
      return first ? [{ span: first.sid ? { ...first.sid.span } : { offset: first.node.offset, length: 1 }, message: `the ${name(first)} this one repeats` }] : [];
    }
    case 'REDUNDANT_ACTION':
    case 'REDUNDANT_RESOURCE': {
      const by = data['coveredBy'];
      const st = statementAt(parsed, f.span.offset);
      if (typeof by !== 'string' || !st) return [];
      const list = [st.action, st.resource].find((e) => e?.items.some((i) => i.span.offset === f.span.offset));
      const outer = list?.items.find((i) => i.value === by && i.span.offset !== f.span.offset);
      return outer ? [{ span: { ...outer.span }, message: `"${by}" already covers it` }] : [];
    }
    case 'DUPLICATE_KEY': {
      const key = data['key'];
      const obj = objectWithKeyAt(parsed.root ?? parsed.policies[0]?.root, f.span.offset) ?? parsed.policies.map((p) => objectWithKeyAt(p.root, f.span.offset)).find(Boolean);
      if (typeof key !== 'string' || !obj) return [];
      return properties(obj)
        .filter((p) => propertyKey(p) === key && propertyKeyNode(p)?.offset !== f.span.offset)
        .map((p) => propertyKeyNode(p)!)
        .map((k) => ({ span: { offset: k.offset, length: k.length }, message: `the other "${key}"` }));
    }
    default:
      return [];
  }
}
