// Checks one file's text with the service: settings from .iam-policy.json (and the --policy-type flag),
// parse, validate, and the titles of the quick fixes offered per diagnostic. No printing, no exit codes.

import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamLanguageService, ParseOptions, PolicyType } from '../service';
import { severityName } from '../service/features/toDiagnostic';
import type { FileSettings } from '../config/fileSettings';
import type { CliDiagnostic, FileReport } from './report';
import type { SarifFinding } from './sarif';
import { sarifFixesFor } from './sarifFixes';
import { parseDocument } from '../service/parser/parseDocument';
import { groupByWhere, whereOf } from './where';

export interface CheckOptions {
  /** named on the command line: checked as a policy whatever it looks like */
  readonly explicit: boolean;
  /** --policy-type: wins over the settings' globs and inference */
  readonly policyType?: PolicyType;
  readonly settings: FileSettings;
  /** list the quick-fix titles per finding (default true); text-like outputs that print no titles turn it off */
  readonly fixTitles?: boolean;
  /** also gather the findings with their fix edits for --format sarif */
  readonly sarif?: boolean;
}

export interface CheckedFile {
  readonly report: FileReport;
  /** only with `sarif: true` */
  readonly sarifFindings?: readonly SarifFinding[];
}

/** CloudFormation/SAM YAML, templates and Terraform: the service finds the policies inside; never forced as JSON */
const CONTAINER_FILE = /\.(ya?ml|template|tf|json\.tftpl|json\.tpl)$/i;

/**
 * undefined when the file holds no policy: a non-policy JSON found in a directory walk, or a container file
 * (template, Terraform) without IAM policies.
 */
/** The document and parse options the CLI uses for a file (shared by checking and --fix). */
export function documentFor(path: string, text: string, options: CheckOptions): { doc: TextDocument; parseOptions: ParseOptions } {
  const container = CONTAINER_FILE.test(path);
  const doc = TextDocument.create(pathToFileURL(resolve(path)).href, container ? 'plaintext' : 'json', 0, text);
  const policyType = options.policyType ?? options.settings.policyType;
  let forcePolicy = (options.explicit && !container) || options.settings.forcePolicy;
  // a named JSON file that holds policies in a known structure (CloudFormation, a Terraform plan, authorization
  // details) is read as that structure, not forced into one policy
  if (forcePolicy && !options.settings.forcePolicy && parseDocument(text, { uri: doc.uri, languageId: 'json' }).container !== undefined) forcePolicy = false;
  return { doc, parseOptions: { ...(policyType ? { policyType } : {}), forcePolicy } };
}

/** --fix: the text with every safe fix applied (repeatedly, until none applies), and how many were applied. */
export function fixFile(service: IamLanguageService, path: string, text: string, options: CheckOptions): { text: string; applied: number } {
  const { doc, parseOptions } = documentFor(path, text, options);
  if (!service.parse(doc, parseOptions).isPolicy) return { text, applied: 0 };
  return service.fixText(doc, parseOptions, options.settings.service);
}

export function checkFile(service: IamLanguageService, path: string, text: string, options: CheckOptions): CheckedFile | undefined {
  const { doc, parseOptions } = documentFor(path, text, options);
  const parsed = service.parse(doc, parseOptions);
  if (!parsed.isPolicy) return undefined;
  const validated = service.validate(doc, parsed, options.settings.service);
  const diagnostics: CliDiagnostic[] = validated.map((d) => {
    // titles from the proposals alone: vetting a fix (a re-parse and every rule) is for whoever applies it
    const fixes = options.fixTitles === false ? [] : service.fixTitles(doc, parsed, d, options.settings.service);
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const where = whereOf(parsed, doc.offsetAt(d.range.start), path);
    return { code: String(d.code), severity: severityName(d.severity), message, range: d.range, fixes, ...(where ? { where } : {}) };
  });
  // an account's authorization details: findings grouped by principal (user/…, group/…, role/…, policy/…)
  if (parsed.container === 'authorization-details') groupByWhere(diagnostics, validated);
  const report: FileReport = { path, policyType: parsed.policies[0]?.policyType ?? null, diagnostics };
  if (!options.sarif) return { report };
  const sarifFindings = validated.map((d, i): SarifFinding => {
    const fixes = sarifFixesFor(service, doc, parsed, d, options.settings.service);
    const c = diagnostics[i]!;
    return { code: c.code, severity: c.severity, message: c.message, range: c.range, ...(fixes.length ? { fixes } : {}) };
  });
  return { report, sarifFindings };
}
