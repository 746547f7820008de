// A policy test file as a tree with offsets (JSON via the project's tolerant JSON reader, YAML via yamlTree),
// and the few walks the editor features need: the `tests` entries, a property by key, every key with its
// path. Evaluation reads the file through the engine's loader instead; this is for positions only.

import type { JsonNode, SyntaxProblem } from '../../parser/jsonTree';
import { parseJson } from '../../parser/jsonTree';
import { parseYaml } from '../../parser/containers/yamlTree';
import type { KeyPath } from './cursor';

export interface TestFileTree {
  readonly root: JsonNode | undefined;
  readonly syntaxErrors: readonly SyntaxProblem[];
}

export function readTestFileTree(text: string, yaml: boolean): TestFileTree {
  if (yaml) {
    const t = parseYaml(text);
    return { root: t.root as unknown as JsonNode | undefined, syntaxErrors: t.syntaxErrors };
  }
  const t = parseJson(text);
  return { root: t.root, syntaxErrors: t.syntaxErrors };
}

export function propertyOf(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!obj || obj.type !== 'object') return undefined;
  for (const p of obj.children ?? []) if (p.children?.[0]?.value === key) return p;
  return undefined;
}

export function valueOf(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  return propertyOf(obj, key)?.children?.[1];
}

/** The object nodes of the `tests` list, in order. */
export function testEntries(root: JsonNode | undefined): JsonNode[] {
  const tests = valueOf(root, 'tests');
  return tests?.type === 'array' ? (tests.children ?? []).filter((c) => c.type === 'object') : [];
}

/** Every property with its key path (["tests", 0, "action"]), depth first. */
export function walkProperties(root: JsonNode | undefined, visit: (path: KeyPath, property: JsonNode) => void): void {
  const walk = (node: JsonNode, path: KeyPath): void => {
    if (node.type === 'object') {
      for (const p of node.children ?? []) {
        const key = p.children?.[0]?.value;
        if (typeof key !== 'string') continue;
        const childPath = [...path, key];
        visit(childPath, p);
        const v = p.children?.[1];
        if (v) walk(v, childPath);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((c, i) => walk(c, [...path, i]));
    }
  };
  if (root) walk(root, []);
}

/** The string value of `key` in the test entry that contains `offset` (e.g. its action, for context-key completion). */
export function testEntryValue(text: string, offset: number, yaml: boolean, key: string): string | undefined {
  const { root } = readTestFileTree(text, yaml);
  const entry = testEntries(root).find((e) => offset >= e.offset && offset <= e.offset + e.length);
  const v = valueOf(entry, key);
  return typeof v?.value === 'string' ? v.value : undefined;
}

/** The deepest property whose key or value contains `offset`, with its path. */
export function propertyAt(root: JsonNode | undefined, offset: number): { path: KeyPath; property: JsonNode; onKey: boolean } | undefined {
  let best: { path: KeyPath; property: JsonNode; onKey: boolean } | undefined;
  walkProperties(root, (path, property) => {
    if (offset < property.offset || offset > property.offset + property.length) return;
    const key = property.children![0]!;
    const onKey = offset >= key.offset && offset <= key.offset + key.length;
    if (!best || path.length >= best.path.length) best = { path, property, onKey };
  });
  return best;
}
