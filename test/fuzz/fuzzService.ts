// The fuzz loop over the pure service: mutate seed policies, then validate, hover and complete at random
// offsets, and apply every code action offered at random ranges. Invariants: no exception escapes, every range
// lies inside the document, and every applied fix keeps text that parsed as JSON parsing as JSON. A time bound per
// call is only checked when asked for (boundMs); hangs are caught by the runner's timeout.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { createIamLanguageService, type IamLanguageService } from '../../server/src/service';
import { testCatalog } from '../support/catalog';
import { generatePolicies, prng } from '../support/policyGenerator';
import { mutate, type Rand } from './mutate';

export interface FuzzFailure {
  readonly iteration: number;
  readonly problem: string;
  readonly mutations: readonly string[];
  readonly sample: string;
}

export interface FuzzSummary {
  readonly iterations: number;
  readonly calls: number;
  readonly slowest: { readonly ms: number; readonly what: string; readonly length: number };
  readonly failures: readonly FuzzFailure[];
}

export interface FuzzOptions {
  readonly iterations: number;
  readonly seed: number;
  /** when given, a call slower than this (per 10 KB of text, at least this) counts as a failure; omitted by default, since a time bound on a shared machine is a coin toss */
  readonly boundMs?: number;
  readonly seeds?: readonly string[];
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function inside(doc: TextDocument, r: Range): boolean {
  const max = doc.lineCount;
  const ok = (p: Range['start']): boolean => p.line >= 0 && p.character >= 0 && p.line < max && doc.offsetAt(p) <= doc.getText().length;
  return ok(r.start) && ok(r.end) && doc.offsetAt(r.start) <= doc.offsetAt(r.end);
}

export function runServiceFuzz(options: FuzzOptions, service: IamLanguageService = createIamLanguageService({ catalog: testCatalog() })): FuzzSummary {
  const rand: Rand = prng(options.seed);
  const seeds = options.seeds?.length ? options.seeds : generatePolicies(200, options.seed ^ 0x5bd1e995);
  const failures: FuzzFailure[] = [];
  let calls = 0;
  let slowest = { ms: 0, what: '', length: 0 };
  for (let i = 0; i < options.iterations; i++) {
    const seed = seeds[Math.floor(rand() * seeds.length)]!;
    const { text, steps } = rand() < 0.1 ? { text: seed, steps: ['none'] } : mutate(seed, rand);
    const doc = TextDocument.create(`file:///fuzz-${i}.json`, 'json', 1, text);
    const bound = options.boundMs === undefined ? Infinity : Math.max(options.boundMs, (options.boundMs * text.length) / 10_000);
    const fail = (problem: string): void => {
      if (failures.length < 50) failures.push({ iteration: i, problem, mutations: steps, sample: text.length > 400 ? `${text.slice(0, 400)}…` : text });
    };
    const timed = <T>(what: string, fn: () => T): T | undefined => {
      const t0 = performance.now();
      try {
        const r = fn();
        const ms = performance.now() - t0;
        calls++;
        if (ms > slowest.ms) slowest = { ms, what, length: text.length };
        if (ms > bound) fail(`${what} took ${ms.toFixed(1)} ms (bound ${bound.toFixed(0)} ms)`);
        return r;
      } catch (err) {
        fail(`${what} threw ${err instanceof Error ? `${err.message}\n${err.stack}` : String(err)}`);
        return undefined;
      }
    };
    const parsed = timed('parse', () => service.parse(doc));
    if (!parsed) continue;
    const diagnostics = timed('validate', () => service.validate(doc, parsed)) ?? [];
    for (const d of diagnostics) if (!inside(doc, d.range)) fail(`diagnostic ${String(d.code)} range outside the document`);
    const inputJson = parsesAsJson(text);
    for (let k = 0; k < 3; k++) {
      const pos = doc.positionAt(Math.floor(rand() * (text.length + 1)));
      const hover = timed('hover', () => service.hover(doc, parsed, pos));
      if (hover?.range && !inside(doc, hover.range)) fail('hover range outside the document');
      const list = timed('complete', () => service.complete(doc, parsed, pos));
      for (const item of list?.items ?? []) {
        const te = item.textEdit;
        if (te && 'range' in te && !inside(doc, te.range)) fail(`completion "${item.label}" edit range outside the document`);
      }
    }
    const at = doc.positionAt(Math.floor(rand() * (text.length + 1)));
    const inRange = diagnostics.filter(() => rand() < 0.5);
    const actions = timed('codeActions', () => service.codeActions(doc, parsed, { start: at, end: at }, { diagnostics: inRange })) ?? [];
    for (const action of actions) {
      const edits = action.edit?.changes?.[doc.uri] ?? [];
      for (const e of edits) if (!inside(doc, e.range)) fail(`code action "${action.title}" edit outside the document`);
      if (!inputJson || edits.length === 0) continue;
      const after = TextDocument.applyEdits(doc, edits);
      if (!parsesAsJson(after)) fail(`code action "${action.title}" broke valid JSON`);
    }
  }
  return { iterations: options.iterations, calls, slowest, failures };
}
