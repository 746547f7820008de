// Code actions: quick fixes dispatched on diagnostic code + data (never message text), refactorings at the
// cursor, and the "Fix all auto-fixable problems" source action. Honours `context.only`.

import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './featureContext';
import type { FixContext, FixProposal, OffsetEdit } from '../fixes/fixTypes';
import { quickFixesFor, REFACTORINGS } from '../fixes/registry';
import { DIAGNOSTIC_SOURCE, relatedFindingsOf } from './toDiagnostic';
import { formatError } from '../util/logger';
import { parseJson, type JsonNode } from '../parser/jsonTree';
import { applyOffsetEdits } from '../fixes/jsonEdits';
import { disableRuleProposals } from '../fixes/suppressions/disableRule';
import { inlineSuppressions } from '../suppress/inlineSuppressions';
import { parseDocument } from '../parser/parseDocument';
import { vetParseOptions } from './vetParseOptions';

export const FIX_ALL_KIND = 'source.fixAll.iam';

/** Fix proposals are re-validated (and dropped if they add a new kind of error) for texts below this size. */
export const VET_FIXES_BELOW_CHARS = 50_000;

function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function fixContext(ctx: FeatureContext, doc: TextDocument, snippetEdits = false): FixContext {
  return { doc, text: doc.getText(), parsed: ctx.parsed, catalog: ctx.catalog, settings: ctx.settings, snippetEdits };
}

/** Quick-fix proposals for one of our diagnostics (used by code actions, the CLI and fix-all). */
export function proposalsForDiagnostic(fctx: FixContext, diagnostic: Diagnostic): FixProposal[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return [];
  const at = { offset: fctx.doc.offsetAt(diagnostic.range.start), length: 0 };
  const span = { offset: at.offset, length: fctx.doc.offsetAt(diagnostic.range.end) - at.offset };
  const out: FixProposal[] = [];
  for (const provider of quickFixesFor(diagnostic.code)) out.push(...provider.provide(fctx, diagnostic, span));
  // findings folded into this one on the same token (rules/combineFindings.ts) keep their own fixes
  for (const r of relatedFindingsOf(diagnostic)) {
    const folded: Diagnostic = { ...diagnostic, code: r.code, message: r.message, data: r.data };
    for (const provider of quickFixesFor(r.code)) {
      for (const p of provider.provide(fctx, folded, span)) if (!out.some((o) => o.title === p.title)) out.push(p);
    }
  }
  return out;
}

function toTextEdits(doc: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.newText }));
}

function toCodeAction(doc: TextDocument, p: FixProposal, diagnostics: Diagnostic[] | undefined): CodeAction {
  const kind = p.kind === 'quickfix' ? CodeActionKind.QuickFix : p.kind === 'refactor.extract' ? CodeActionKind.RefactorExtract : CodeActionKind.RefactorRewrite;
  const edits = toTextEdits(doc, p.edits);
  const action: CodeAction = {
    title: p.title,
    kind,
    edit: p.snippet
      ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => ({ range: e.range, snippet: { kind: 'snippet', value: e.newText } })) }] }
      : { changes: { [doc.uri]: edits } },
  };
  if (diagnostics?.length) action.diagnostics = diagnostics;
  if (p.isPreferred) action.isPreferred = true;
  // lets clients and the fix property test tell an intended name repair from a permission change
  if (p.repairsName) action.data = { repairsName: true };
  return action;
}

/**
 * The last line of defence behind every provider: edits inside the text, non-overlapping, and when the
 * text parses as JSON, the result must too. A proposal that fails is dropped (and logged), never offered.
 */
export function isSoundProposal(text: string, p: FixProposal, textIsValidJson: () => boolean, root?: JsonNode): boolean {
  const sorted = [...p.edits].sort((a, b) => a.offset - b.offset);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (e.offset < 0 || e.length < 0 || e.offset + e.length > text.length) return false;
    const next = sorted[i + 1];
    if (next && next.offset < e.offset + e.length) return false;
  }
  // re-parsing a multi-megabyte document per proposal would block the editor for seconds; the providers'
  // output is checked on every fixture and on generated and fuzzed documents by the tests instead
  if (p.snippet || text.length > VET_FIXES_BELOW_CHARS || !textIsValidJson()) return true;
  return (root !== undefined ? validWithinEnclosingValue(text, root, sorted) : undefined) ?? isValidJson(applyOffsetEdits(text, p.edits));
}

/**
 * Settles "valid JSON stays valid" by reading only the smallest value that holds every edit: if that value,
 * edited, still parses as a JSON value (a string where it is a property key), so does the document. Most fixes
 * touch one statement of a large policy, and the built-in JSON.parse of a statement is far cheaper than our parse
 * of the whole document. Undefined means "not settled here" (edits at the top level, jsonc comments inside the
 * value, …): the caller then parses the whole result, so the answer is always the full parse's.
 */
function validWithinEnclosingValue(text: string, root: JsonNode, edits: readonly OffsetEdit[]): boolean | undefined {
  const holdsAll = (n: JsonNode): boolean => edits.every((e) => (e.length === 0 ? n.offset < e.offset && e.offset < n.offset + n.length : n.offset <= e.offset && e.offset + e.length <= n.offset + n.length));
  if (!holdsAll(root)) return undefined;
  // no edit: the text stays as it was, valid (isSoundProposal asks only then)
  if (edits.length === 0) return true;
  // the edits' first offset picks the one child that can hold them all (children are in offset order): a binary
  // search, since a ReadOnlyAccess-sized Action list has thousands of children and a report asks per proposal
  let first = edits[0]!.offset;
  for (const e of edits) if (e.offset < first) first = e.offset;
  let node: JsonNode = root;
  for (let child = childAt(node, first); child !== undefined && holdsAll(child); child = childAt(node, first)) node = child;
  if (node.type === 'property') node = node.parent!;
  if ((node.type === 'object' || node.type === 'array') && validWithinMembers(text, node, edits)) return true;
  // an item of a list replaced by several (a statement split in two) is valid as members of the list: asked
  // first, since a failed JSON.parse (a thrown SyntaxError) costs more than the parse
  if (node.parent?.type === 'array' && validWithinMembers(text, node.parent, edits)) return true;
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  const start = node.offset;
  const edited = applyOffsetEdits(text.slice(start, start + node.length), edits.map((e) => ({ ...e, offset: e.offset - start })));
  try {
    const value: unknown = JSON.parse(edited);
    return isKey ? typeof value === 'string' : true;
  } catch {
    return undefined;
  }
}

/**
 * Within an object or array, the edits often touch one member of many (a Condition appended to a statement
 * holding a ReadOnlyAccess-sized Action list): then only the run of whole members from the one at or before the
 * first edit to the one reaching past the last is read, edited, between brackets. If that parses as a non-empty
 * object/array, the edited run is a valid list of members in the place of a valid list of members, so the
 * value (and the document) stays valid. False means "not settled here": the caller reads the whole value.
 */
function validWithinMembers(text: string, node: JsonNode, edits: readonly OffsetEdit[]): boolean {
  const children = node.children;
  if (!children?.length) return false;
  let lo = edits[0]!.offset;
  let hi = lo;
  for (const e of edits) {
    if (e.offset < lo) lo = e.offset;
    if (e.offset + e.length > hi) hi = e.offset + e.length;
  }
  const i = childIndexAt(children, lo);
  if (i < 0) return false;
  let j = i;
  while (j < children.length && children[j]!.offset + children[j]!.length < hi) j++;
  if (j === children.length) return false;
  const from = children[i]!.offset;
  const to = children[j]!.offset + children[j]!.length;
  const run = applyOffsetEdits(text.slice(from, to), edits.map((e) => ({ ...e, offset: e.offset - from })));
  try {
    const value: unknown = JSON.parse(node.type === 'object' ? `{${run}}` : `[${run}]`);
    return Array.isArray(value) ? value.length > 0 : Object.keys(value as object).length > 0;
  } catch {
    return false;
  }
}

/** The index of the last child starting at or before `offset` (-1 when none does); children are in offset order. */
function childIndexAt(children: readonly JsonNode[], offset: number): number {
  let lo = 0;
  let hi = children.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (children[mid]!.offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The last child of `node` starting at or before `offset` (undefined when none does). */
function childAt(node: JsonNode, offset: number): JsonNode | undefined {
  const children = node.children;
  return children ? children[childIndexAt(children, offset)] : undefined;
}

/**
 * Does the text parse as JSON without a syntax error? Strict JSON always does, and the built-in JSON.parse
 * settles that several times faster than building our tree (the CLI report asks once per proposed fix); only
 * text it rejects (comments, say) gets our own parse, so the answer is the same as parseJson's.
 */
function isValidJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return parseJson(text).syntaxErrors.length === 0;
  }
}

/**
 * Is the document's syntax JSON? YAML templates and Terraform files only take edits that swap one scalar
 * for a JSON string literal (valid in YAML and HCL alike); structural JSON edits would break them.
 */
function isJsonSyntax(parsed: FixContext['parsed'], doc: TextDocument): boolean {
  if (parsed.container === 'terraform') return false;
  if (parsed.container === undefined) return true;
  return /^\s*[{[]/.test(doc.getText());
}

const JSON_STRING_LITERAL = /^"(?:[^"\\\n]|\\.)*"$/;

function isScalarSwap(text: string, p: FixProposal): boolean {
  return p.edits.every((e) => JSON_STRING_LITERAL.test(e.newText) && !/[\n{}[\]]/.test(text.slice(e.offset, e.offset + e.length)));
}

/** The checks that need no re-validation: edits inside the text, valid JSON stays valid, only scalar swaps in YAML/HCL. */
function structurallySound(ctx: FeatureContext, doc: TextDocument, text: string): (p: FixProposal) => boolean {
  let validJson: boolean | undefined;
  const textIsValidJson = (): boolean => (validJson ??= ctx.parsed.container === undefined && ctx.parsed.root !== undefined && ctx.parsed.syntaxErrors.length === 0);
  const jsonSyntax = isJsonSyntax(ctx.parsed, doc);
  // a Terraform plan is generated output holding policies as escaped strings: no edit there is a fix
  const generated = ctx.parsed.container === 'terraform-plan';
  // nor in a generated policy (a SAM policy template's expansion): its text is the template's entry, not the policy
  const generatedSpans = ctx.parsed.policies.filter((q) => q.generated !== undefined).map((q) => q.span);
  const inGenerated = (p: FixProposal): boolean => p.edits.some((e) => generatedSpans.some((s) => e.offset < s.offset + s.length && e.offset + e.length > s.offset));
  return (p) => {
    if (generated || (!jsonSyntax && !isScalarSwap(text, p)) || inGenerated(p)) return false;
    if (!isSoundProposal(text, p, textIsValidJson, ctx.parsed.root)) {
      ctx.logger.error(`dropped unsound code action "${p.title}" for ${doc.uri}`);
      return false;
    }
    return true;
  };
}

/**
 * The titles of the quick fixes proposed for one diagnostic that pass the structural checks (edits inside the
 * text, JSON stays JSON, scalar swaps only in YAML/HCL), for the CLI report. Unlike doCodeActions, it does not
 * re-validate each candidate text for a new kind of error: that costs a parse and every rule per fix (68% of a
 * corpus run), and the report applies nothing. Whatever applies a fix vets it: the editor's code actions
 * (doCodeActions) and --fix (fixText) both drop a fix that adds an error kind.
 */
export function proposedQuickFixTitles(ctx: FeatureContext, doc: TextDocument, diagnostic: Diagnostic, snippetEdits = false): string[] {
  const fctx = fixContext(ctx, doc, snippetEdits);
  const sound = structurallySound(ctx, doc, fctx.text);
  try {
    const fixes = proposalsForDiagnostic(fctx, diagnostic).filter((p) => p.kind === 'quickfix' && sound(p));
    // the comment-writing "Disable RULE for this line / file" entries the editor offers in YAML and HCL too
    return [...fixes, ...disableRuleProposals(fctx, diagnostic)].map((p) => p.title);
  } catch (err) {
    ctx.logger.error(formatError(`quick fix for ${String(diagnostic.code)} failed`, err));
    return [];
  }
}

export function doCodeActions(ctx: FeatureContext, doc: TextDocument, range: Range, context: CodeActionContext, snippetEdits = false): CodeAction[] {
  const fctx = fixContext(ctx, doc, snippetEdits);
  const out: CodeAction[] = [];
  let errorsBefore: ReadonlySet<string> | undefined;
  let verdicts: Map<string, boolean> | undefined;
  const structural = structurallySound(ctx, doc, fctx.text);
  // `edits`: JSON.stringify(p.edits), when the caller has it already
  const sound = (p: FixProposal, edits?: string): boolean => {
    if (!structural(p)) return false;
    // a fix must not introduce a new kind of error (e.g. narrowing sts:* below what a trust policy needs);
    // re-validating costs about a millisecond for a policy-sized file, so larger files skip this vetting
    if (p.snippet || fctx.text.length > VET_FIXES_BELOW_CHARS) return true;
    // the same edits, vetted for another diagnostic of this parse: the same text, the same verdict
    verdicts ??= ctx.vetVerdicts(doc.languageId);
    const key = edits ?? JSON.stringify(p.edits);
    const known = verdicts.get(key);
    if (known !== undefined) return known;
    errorsBefore ??= ctx.errorCodesBefore(doc.languageId);
    const after = ctx.errorCodes(applyOffsetEdits(fctx.text, p.edits), doc.languageId);
    const verdict = [...after].every((code) => errorsBefore!.has(code));
    verdicts.set(key, verdict);
    return verdict;
  };
  if (wanted(CodeActionKind.QuickFix, context.only)) {
    // one entry per fix however many diagnostics it resolves: the same edits proposed for several
    // diagnostics (s3:* raises four) become one action listing them all
    const byEdits = new Map<string, CodeAction>();
    for (const d of context.diagnostics) {
      try {
        for (const p of proposalsForDiagnostic(fctx, d)) {
          const edits = JSON.stringify(p.edits);
          const key = `${p.title}\u0000${edits}`;
          const same = byEdits.get(key);
          if (same) {
            same.diagnostics = [...(same.diagnostics ?? []), d];
            continue;
          }
          if (!sound(p, edits)) continue;
          const action = toCodeAction(doc, p, [d]);
          byEdits.set(key, action);
          out.push(action);
        }
        // suppression edits (YAML/HCL comments, CloudFormation Metadata): not scalar swaps, so vetted by what they do to the findings
        for (const p of disableRuleProposals(fctx, d)) if (suppressionVerdict(ctx, doc, fctx.text, p, d)) out.push(toCodeAction(doc, p, [d]));
      } catch (err) {
        ctx.logger.error(formatError(`quick fix for ${String(d.code)} failed`, err));
      }
    }
  }
  // a request for "refactor" wants "refactor.rewrite" too; one for "refactor.rewrite" does not want "refactor.extract"
  const refactorWanted = !context.only?.length || context.only.some((o) => CodeActionKind.Refactor === o || o.startsWith(`${CodeActionKind.Refactor}.`) || o === '');
  if (refactorWanted) {
    const offsets = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    for (const r of REFACTORINGS) {
      try {
        for (const p of r.provide(fctx, range, offsets)) if (wanted(p.kind, context.only) && sound(p)) out.push(toCodeAction(doc, p, undefined));
      } catch (err) {
        ctx.logger.error(formatError(`refactoring ${r.id} failed`, err));
      }
    }
  }
  return out;
}

/** suppressionWorks, once per parse for the same edits and diagnostic (a repeated request re-validates nothing) */
function suppressionVerdict(ctx: FeatureContext, doc: TextDocument, text: string, p: FixProposal, d: Diagnostic): boolean {
  const verdicts = ctx.vetVerdicts(doc.languageId);
  const key = `suppression\u0000${String(d.code)}\u0000${doc.offsetAt(d.range.start)}\u0000${JSON.stringify(p.edits)}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) verdicts.set(key, (verdict = suppressionWorks(ctx, doc, text, p, d)));
  return verdict;
}

/**
 * A suppression edit must cover its diagnostic and add no error kind (e.g. a comment line inside a YAML block
 * scalar, Metadata that breaks the template): the candidate text is re-parsed the way the original was and its
 * inline suppressions (comments and CloudFormation Metadata) must cover the diagnostic where it has moved to.
 */
function suppressionWorks(ctx: FeatureContext, doc: TextDocument, text: string, p: FixProposal, d: Diagnostic): boolean {
  const jsonSyntax = ctx.parsed.syntax === undefined;
  if (!isSoundProposal(text, p, () => jsonSyntax && ctx.parsed.syntaxErrors.length === 0)) return false;
  const after = applyOffsetEdits(text, p.edits);
  const diagOffset = doc.offsetAt(d.range.start);
  // where the diagnostic's first character is in the new text
  const moved = diagOffset + p.edits.filter((e) => e.offset + e.length <= diagOffset).reduce((n, e) => n + e.newText.length - e.length, 0);
  const afterDoc = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, after);
  const line = afterDoc.positionAt(moved).line;
  const reparsed = parseDocument(after, { uri: doc.uri, languageId: doc.languageId, ...vetParseOptions(ctx.parsed) });
  // a "suppression" that makes a policy disappear (e.g. text that breaks an embedded JSON policy the parser then
  // skips) removes every finding of it: never offered
  if (reparsed.policies.length !== ctx.parsed.policies.length) return false;
  if (!inlineSuppressions(reparsed, afterDoc).some((s) => s.codes.has(String(d.code)) && line >= s.fromLine && line <= s.toLine)) return false;
  const before = ctx.errorCodesBefore(doc.languageId);
  return [...ctx.errorCodes(after, doc.languageId)].every((code) => before.has(code));
}

/** Picks non-overlapping safe fixes, first come first served (diagnostics are in document order). */
export function safeFixEdits(fctx: FixContext, diagnostics: readonly Diagnostic[]): OffsetEdit[] {
  const chosen: OffsetEdit[] = [];
  const jsonSyntax = isJsonSyntax(fctx.parsed, fctx.doc);
  if (fctx.parsed.container === 'terraform-plan') return [];
  const overlaps = (e: OffsetEdit): boolean =>
    chosen.some((c) => e.offset < c.offset + c.length && c.offset < e.offset + e.length || (e.length === 0 && c.length === 0 && e.offset === c.offset));
  for (const d of diagnostics) {
    const p = proposalsForDiagnostic(fctx, d).find((x) => x.safe && !x.snippet && (jsonSyntax || isScalarSwap(fctx.text, x)) && isSoundProposal(fctx.text, x, () => false));
    if (!p || p.edits.some(overlaps)) continue;
    chosen.push(...p.edits);
  }
  return chosen;
}

export function fixAllAction(doc: TextDocument, edits: readonly OffsetEdit[]): CodeAction | undefined {
  if (edits.length === 0) return undefined;
  return { title: 'Fix all auto-fixable IAM policy problems', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: toTextEdits(doc, edits) } } };
}
