// What every editor feature (hover, completion, code actions, CodeLens) is given: the parsed document,
// the catalog and the settings. Built by the service facade in index.ts.

import type { IamCatalog } from '../knowledge/catalog';
import type { ParsedDocument } from '../parser/parseDocument';
import type { ServiceSettings } from '../rules/rule';
import type { Logger } from '../util/logger';

export interface FeatureContext {
  readonly parsed: ParsedDocument;
  readonly catalog: IamCatalog;
  readonly settings: ServiceSettings;
  readonly logger: Logger;
  /** codes of the error-severity findings of a text in the document's language, under the same settings and parse options (used to vet fixes) */
  errorCodes(text: string, languageId: string): ReadonlySet<string>;
  /** errorCodes of the document's own text, computed once per parse and settings (fix vetting compares with it) */
  errorCodesBefore(languageId: string): ReadonlySet<string>;
  /**
   * Verdicts of fix vetting already given on this parse, for these settings and this language, by the proposal's
   * edits (JSON): the same fix proposed for several diagnostics (s3:* raises four) is re-validated once.
   */
  vetVerdicts(languageId: string): Map<string, boolean>;
}
