// The pure IAM policy language service: parse once, then validate (and, as features land, hover,
// complete, fix). Imports no editor, server, file-system or network API: the catalog and logger are injected.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type CodeActionContext, type CodeLens, type CompletionList, type Diagnostic, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { IamCatalog } from './knowledge/catalog';
import { parseDocument, type ParsedDocument, type ParseOptions } from './parser/parseDocument';
import { ALL_RULES } from './rules/registry';
import { runRules } from './rules/runRules';
import type { Finding, Rule, ServiceSettings } from './rules/rule';
import { toDiagnostic } from './features/toDiagnostic';
import { nullLogger, type Logger } from './util/logger';
import type { DocumentLimits } from './parser/limits';
import type { FeatureContext } from './features/featureContext';
import { doHover } from './features/hover';
import { doComplete } from './features/complete';
import { doCodeActions, fixAllAction, fixContext, proposedQuickFixTitles, safeFixEdits, FIX_ALL_KIND } from './features/codeActions';
import { applyOffsetEdits } from './fixes/jsonEdits';
import { parseJson } from './parser/jsonTree';
import { doCodeLens } from './features/codeLens';
import { withRelatedInformation, editorFeatures, type EditorFeatures } from './features/editor';
import { vetParseOptions } from './features/vetParseOptions';
import { derive, DerivedKey } from './parser/derived';
import { inlineSuppressions, withoutSuppressed } from './suppress/inlineSuppressions';

/** what fix vetting keeps on the ParsedDocument (the "errors before", the verdicts), per settings object and language */
const NO_SETTINGS: ServiceSettings = Object.freeze({});
type PerSettingsAndLanguage<T> = { settings: ServiceSettings; languageId: string; value: T }[];
const ERRORS_BEFORE = new DerivedKey<PerSettingsAndLanguage<ReadonlySet<string>>>('errorsBefore');
const VET_VERDICTS = new DerivedKey<PerSettingsAndLanguage<Map<string, boolean>>>('vetVerdicts');

/** The value kept on the parse under `key` for these settings and this language, made by `make` the first time. */
function onParse<T>(parsed: ParsedDocument, key: DerivedKey<PerSettingsAndLanguage<T>>, settings: ServiceSettings, languageId: string, make: () => T): T {
  const entries = derive(parsed, key, () => []);
  const hit = entries.find((e) => e.settings === settings && e.languageId === languageId);
  if (hit) return hit.value;
  const value = make();
  entries.push({ settings, languageId, value });
  return value;
}

export interface LanguageServiceOptions {
  readonly catalog: IamCatalog;
  readonly logger?: Logger;
  /** code -> documentation URL (codeDescription.href) */
  readonly docsUrl?: (code: string) => string;
  /** rules to run; defaults to every rule (tests narrow it) */
  readonly rules?: readonly Rule[];
  /** rethrow rule crashes instead of logging them (tests) */
  readonly rethrow?: boolean;
  /** the client applies snippet text edits in code actions (LSP 3.18 SnippetTextEdit) */
  readonly snippetEdits?: boolean;
  /** size and nesting limits above which a document is not analysed (defaults: 2,000,000 characters, depth 100) */
  readonly limits?: Partial<DocumentLimits>;
}

/** Parse options, with per-call limits (the server passes the user's iamPolicy.maxFileSize). */
export type ServiceParseOptions = ParseOptions;

export interface IamLanguageService {
  readonly catalog: IamCatalog;
  parse(doc: TextDocument, options?: ServiceParseOptions): ParsedDocument;
  /** findings with offsets, for the CLI and tests */
  findings(parsed: ParsedDocument, settings?: ServiceSettings): Finding[];
  validate(doc: TextDocument, parsed: ParsedDocument, settings?: ServiceSettings): Diagnostic[];
  hover(doc: TextDocument, parsed: ParsedDocument, position: Position, settings?: ServiceSettings): Hover | null;
  complete(doc: TextDocument, parsed: ParsedDocument, position: Position, settings?: ServiceSettings): CompletionList;
  codeActions(doc: TextDocument, parsed: ParsedDocument, range: Range, context: CodeActionContext, settings?: ServiceSettings): CodeAction[];
  codeLenses(doc: TextDocument, parsed: ParsedDocument, settings?: ServiceSettings): CodeLens[];
  /** outline, links, inlay hints (features/editor) */
  readonly editor: EditorFeatures;
  /** the "Fix all" source action for the document, when any safe fix applies */
  fixAll(doc: TextDocument, parsed: ParsedDocument, settings?: ServiceSettings): CodeAction | undefined;
  /**
   * titles of the quick fixes proposed for one diagnostic, for a report: structurally checked but not re-validated
   * (codeActions vets each fix before offering it; fixText before applying it)
   */
  fixTitles(doc: TextDocument, parsed: ParsedDocument, diagnostic: Diagnostic, settings?: ServiceSettings): string[];
  /** applies safe fixes repeatedly (up to `rounds` times) and returns the new text and how many fixes were applied */
  fixText(doc: TextDocument, parseOptions?: ParseOptions, settings?: ServiceSettings, rounds?: number): { text: string; applied: number };
}

export function createIamLanguageService(options: LanguageServiceOptions): IamLanguageService {
  const logger = options.logger ?? nullLogger;
  const rules = options.rules ?? ALL_RULES;
  // one object for "no settings", so that per-settings caches on a parse (ERRORS_BEFORE) hit across requests
  const featureContext = (parsed: ParsedDocument, settings: ServiceSettings = NO_SETTINGS): FeatureContext => ({
    parsed,
    catalog: options.catalog,
    settings,
    logger,
    errorCodes(text, languageId) {
      // parse the candidate text the way the original was parsed: same language (JSON, YAML, Terraform),
      // same forced policy type, same "treat as a policy" decision
      const doc = TextDocument.create(parsed.uri, languageId, 0, text);
      const reparsed = service.parse(doc, vetParseOptions(parsed));
      return new Set(findings(reparsed, settings).filter((f) => f.severity === 'error').map((f) => f.code));
    },
    errorCodesBefore(languageId) {
      // once per parse (every code-action request on an unchanged document, every diagnostic the CLI lists in
      // SARIF): kept on the parse itself, for these settings and this language
      return onParse(parsed, ERRORS_BEFORE, settings, languageId, () => this.errorCodes(parsed.text, languageId));
    },
    vetVerdicts(languageId) {
      // each code-action request (the editor's, or the CLI's per SARIF finding) gets the verdicts earlier requests
      // on this parse gave; keyed by edits, never by candidate texts
      return onParse(parsed, VET_VERDICTS, settings, languageId, () => new Map<string, boolean>());
    },
  });
  const findings = (parsed: ParsedDocument, settings: ServiceSettings = {}): Finding[] =>
    runRules(parsed, { catalog: options.catalog, settings, logger, rules, rethrow: options.rethrow ?? false });
  const service: IamLanguageService = {
    catalog: options.catalog,
    parse(doc, parseOptions) {
      const limits = options.limits || parseOptions?.limits ? { ...options.limits, ...parseOptions?.limits } : undefined;
      return parseDocument(doc.getText(), { uri: doc.uri, languageId: doc.languageId, ...parseOptions, limits });
    },
    findings,
    // inline suppressions (YAML/HCL comments, CloudFormation Metadata) drop what they cover: editor and CLI alike
    validate: (doc, parsed, settings) =>
      withoutSuppressed(findings(parsed, settings).map((f) => withRelatedInformation(doc, parsed, f, toDiagnostic(doc, f, options.docsUrl))), inlineSuppressions(parsed, doc)),
    // a document over the limits gets nothing but its one ANALYSIS_SKIPPED diagnostic: features that
    // re-read the raw text would meet the same pathological input the limits keep out
    hover: (doc, parsed, position, settings) => (parsed.skipped ? null : doHover(featureContext(parsed, settings), doc, position)),
    complete: (doc, parsed, position, settings) => (parsed.skipped ? { isIncomplete: false, items: [] } : doComplete(featureContext(parsed, settings), doc, position)),
    codeActions(doc, parsed, range, context, settings) {
      if (parsed.skipped) return [];
      const actions = doCodeActions(featureContext(parsed, settings), doc, range, context, options.snippetEdits ?? false);
      const only = context.only;
      if (only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`))) {
        const fix = service.fixAll(doc, parsed, settings);
        if (fix) actions.push(fix);
      }
      return actions;
    },
    fixAll(doc, parsed, settings) {
      const diagnostics = service.validate(doc, parsed, settings);
      return fixAllAction(doc, safeFixEdits(fixContext(featureContext(parsed, settings), doc), diagnostics));
    },
    fixText(doc, parseOptions, settings, rounds = 10) {
      let current = doc;
      let applied = 0;
      let parsed = service.parse(current, parseOptions);
      let diagnostics = service.validate(current, parsed, settings);
      for (let i = 0; i < rounds; i++) {
        const edits = safeFixEdits(fixContext(featureContext(parsed, settings), current), diagnostics);
        if (edits.length === 0) break;
        const next = applyOffsetEdits(current.getText(), edits);
        // fixes are checked one by one; never let their combination turn valid JSON into invalid JSON
        if (parsed.syntaxErrors.length === 0 && parsed.container === undefined && parseJson(next).syntaxErrors.length > 0) break;
        const nextDoc = TextDocument.create(current.uri, current.languageId, current.version + 1, next);
        const nextParsed = service.parse(nextDoc, parseOptions);
        const nextDiagnostics = service.validate(nextDoc, nextParsed, settings);
        // the vetting the editor does before offering a fix, here on the round's result (whose validation the
        // next round needs anyway): a round that adds a kind of error is not applied
        const errorsBefore = new Set(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.code));
        if (nextDiagnostics.some((d) => d.severity === DiagnosticSeverity.Error && !errorsBefore.has(d.code))) break;
        applied += edits.length;
        current = nextDoc;
        parsed = nextParsed;
        diagnostics = nextDiagnostics;
      }
      return { text: current.getText(), applied };
    },
    fixTitles: (doc, parsed, diagnostic, settings) => (parsed.skipped ? [] : proposedQuickFixTitles(featureContext(parsed, settings), doc, diagnostic, options.snippetEdits ?? false)),
    codeLenses: (doc, parsed, settings) => (parsed.skipped ? [] : doCodeLens(featureContext(parsed, settings), doc)),
    editor: editorFeatures(options.catalog, options.docsUrl),
  };
  return service;
}

export { loadCatalog, type IamCatalog, type ActionInfo, type ConditionKeyInfo, type ResourceTypeInfo, type ServiceInfo } from './knowledge/catalog';
export type { RawCatalog } from './knowledge/catalogFormat';
export type { CatalogFile } from './knowledge/catalogFormat';
export { decodeCatalogFile, decodeCatalogHead } from './knowledge/catalogFile';
export { ALL_RULES, getRule } from './rules/registry';
export type { Finding, Rule, RuleMeta, ServiceSettings, Severity, SeverityOrOff } from './rules/rule';
export type { ParsedDocument, ParseOptions } from './parser/parseDocument';
export { POLICY_TYPES, type PolicyType, type PolicyDocument } from './parser/policyModel';
export type { Logger } from './util/logger';
export * as evaluation from './evaluation';
export * as diff from './diff';
