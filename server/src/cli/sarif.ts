// SARIF 2.1.0 output for iam-policy-check (`--format sarif`), as GitHub code scanning reads it: tool.driver with
// one reportingDescriptor per rule (id, descriptions, help, default level, tags, security-severity), and results
// with ruleId, level, message, a 1-based region in a repository-relative file, and `fixes` when the service
// offers safe text edits. Pure formatting: no I/O, no service calls (the caller gathers findings and fix edits).

import type { Range } from 'vscode-languageserver-types';
import type { RuleMeta, Severity } from '../service';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifFixEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface SarifFix {
  readonly title: string;
  readonly edits: readonly SarifFixEdit[];
}

export interface SarifFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** 0-based LSP range (UTF-16 columns, as SARIF's default columnKind) */
  readonly range: Range;
  readonly fixes?: readonly SarifFix[];
}

export interface SarifFile {
  /** path relative to the repository root (or absolute); written as a URI reference with forward slashes */
  readonly path: string;
  readonly findings: readonly SarifFinding[];
}

export interface SarifOptions {
  readonly toolName: string;
  readonly version: string;
  /** the IAM data version, kept in the driver's properties */
  readonly dataVersion?: string;
  readonly rules: readonly RuleMeta[];
  /** absolute documentation URL per rule code; omitted from the log when absent */
  readonly helpUri?: (code: string) => string;
  readonly informationUri?: string;
  /** when the IAM data was published, kept in the driver's properties */
  readonly dataDate?: string;
  /** absolute folder relative paths are resolved against: written as originalUriBaseIds.SRCROOT */
  readonly srcRoot?: string;
  /** files that could not be read: reported in invocations[0].toolExecutionNotifications */
  readonly notifications?: readonly SarifNotification[];
}

export interface SarifNotification {
  readonly path: string;
  readonly message: string;
}

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** GitHub ranks security alerts by this 0-10 score on the rule; only security rules carry one. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '3.0', hint: '1.0' };

export function sarifLevel(severity: Severity): Level {
  return LEVEL[severity];
}

/** The whole SARIF log as an object (JSON.stringify it to write). */
export function toSarif(files: readonly SarifFile[], options: SarifOptions): Record<string, unknown> {
  const toResults = sarifResults(options);
  return sarifLog(options, files.flatMap(toResults));
}

/** A function giving one file's SARIF results (for toSarif, and sarifStream.ts file by file). */
export function sarifResults(options: SarifOptions): (file: SarifFile) => Record<string, unknown>[] {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.code, i] as const));
  const location = locationOf(options);
  return (file) => {
    const results: Record<string, unknown>[] = [];
    const artifactLocation = location(file.path);
    for (const f of file.findings) {
      const result: Record<string, unknown> = {
        ruleId: f.code,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(f.range) } }],
      };
      const index = ruleIndex.get(f.code);
      if (index !== undefined) result['ruleIndex'] = index;
      const fixes = (f.fixes ?? []).filter((x) => x.edits.length > 0);
      if (fixes.length > 0) {
        result['fixes'] = fixes.map((x) => ({
          description: { text: x.title },
          artifactChanges: [
            {
              artifactLocation,
              replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
            },
          ],
        }));
      }
      results.push(result);
    }
    return results;
  };
}

function locationOf(options: SarifOptions): (path: string) => Record<string, unknown> {
  return (path) => {
    const uri = toUriReference(path);
    // relative references are relative to SRCROOT (GitHub maps them onto the repository checkout)
    return options.srcRoot !== undefined && !uri.startsWith('file:') ? { uri, uriBaseId: 'SRCROOT' } : { uri };
  };
}

/** The log around `results` (a list, or a stand-in sarifStream.ts splits the printed log at). */
export function sarifLog(options: SarifOptions, results: readonly unknown[]): Record<string, unknown> {
  const location = locationOf(options);
  const driver: Record<string, unknown> = {
    name: options.toolName,
    version: options.version,
    semanticVersion: options.version,
    rules: options.rules.map((r) => descriptor(r, options.helpUri)),
  };
  if (options.informationUri) driver['informationUri'] = options.informationUri;
  if (options.dataVersion) driver['properties'] = { iamDataVersion: options.dataVersion, ...(options.dataDate ? { iamDataDate: options.dataDate } : {}) };
  const run: Record<string, unknown> = { tool: { driver }, columnKind: 'utf16CodeUnits', results };
  if (options.srcRoot !== undefined) {
    const root = toUriReference(options.srcRoot.replace(/[\\/]*$/, '/'));
    run['originalUriBaseIds'] = { SRCROOT: { uri: root.endsWith('/') ? root : `${root}/` } };
  }
  if (options.notifications !== undefined) {
    const notes = options.notifications;
    run['invocations'] = [
      {
        executionSuccessful: notes.length === 0,
        toolExecutionNotifications: notes.map((n) => ({
          level: 'error',
          message: { text: `${n.path}: ${n.message}` },
          locations: [{ physicalLocation: { artifactLocation: location(n.path) } }],
        })),
      },
    ];
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [run],
  };
}

function descriptor(rule: RuleMeta, helpUri: ((code: string) => string) | undefined): Record<string, unknown> {
  // GitHub shows tags as filters; "security" (the category of security rules) marks a security alert
  const tags = [...new Set([rule.category, ...rule.catalogue.map((c) => `catalogue/${c}`)])];
  const properties: Record<string, unknown> = { tags, precision: 'high' };
  if (rule.category === 'security') properties['security-severity'] = SECURITY_SEVERITY[rule.defaultSeverity];
  const d: Record<string, unknown> = {
    id: rule.code,
    name: pascalName(rule.code),
    shortDescription: { text: rule.summary },
    fullDescription: { text: firstParagraph(rule.docs) },
    help: { text: plainText(rule.docs), markdown: rule.docs },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties,
  };
  if (helpUri) d['helpUri'] = helpUri(rule.code);
  return d;
}

/** SARIF regions are 1-based; the end column is the column after the last character. */
function region(range: Range): Record<string, number> {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A relative path as a URI reference (`dir/my file.json` -> `dir/my%20file.json`); absolute paths become file URIs. */
export function toUriReference(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const encoded = slashed.split('/').map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg))).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  if (slashed.startsWith('/')) return `file://${encoded}`;
  return encoded.replace(/^\.\//, '');
}

function pascalName(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** The docs' first paragraph, as one line of plain text. */
function firstParagraph(docs: string): string {
  const first = docs.split(/\n\s*\n/, 1)[0] ?? docs;
  return plainText(first).replace(/\s+/g, ' ').trim();
}

function plainText(markdown: string): string {
  return markdown.replace(/`/g, '').replace(/\*\*/g, '');
}
