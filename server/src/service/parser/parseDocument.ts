// Entry point of the parser layer: text -> ParsedDocument holding the JSON tree, syntax errors, duplicate
// keys and every policy found in it (a plain policy file holds one; container formats may hold several).

import { findDuplicateKeys, parseJson, properties, propertyKey, type DuplicateKey, type JsonNode, type SyntaxProblem } from './jsonTree';
import { buildPolicy } from './buildPolicy';
import { policyTypeFromContent, policyTypeFromFileName } from './policyType';
import type { PolicyDocument, PolicyType } from './policyModel';

export interface ParseOptions {
  /** document URI or path: used for file-name type hints and association */
  readonly uri?: string;
  /** the editor's language id; "iam-policy" means the user associated the file with us */
  readonly languageId?: string;
  /** explicit policy type from a setting or CLI flag: wins over every inference */
  readonly policyType?: PolicyType;
  /** treat the file as a policy even when its content does not look like one (association by setting) */
  readonly forcePolicy?: boolean;
}

export interface ParsedDocument {
  readonly text: string;
  readonly uri: string;
  readonly root: JsonNode | undefined;
  readonly syntaxErrors: readonly SyntaxProblem[];
  readonly duplicateKeys: readonly DuplicateKey[];
  /** false for JSON that is not a policy (package.json, tsconfig.json): we then report nothing at all */
  readonly isPolicy: boolean;
  readonly policies: readonly PolicyDocument[];
}

const ASSOCIATED_NAME = /\.(iam|policy)\.json$/i;

/** A plain policy file: JSON whose top level is (or, once associated, is meant to be) one policy. */
export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const uri = options.uri ?? '';
  const { root, syntaxErrors } = parseJson(text);
  const associated = options.forcePolicy === true || options.languageId === 'iam-policy' || ASSOCIATED_NAME.test(uri);
  const looksLikePolicy = root?.type === 'object' && properties(root).some((p) => propertyKey(p) === 'Statement');
  const isPolicy = associated || looksLikePolicy;
  if (!isPolicy) return { text, uri, root, syntaxErrors: [], duplicateKeys: [], isPolicy: false, policies: [] };
  const policies: PolicyDocument[] = [];
  if (root?.type === 'object') {
    const fromName = policyTypeFromFileName(uri);
    const policyType = options.policyType ?? fromName ?? policyTypeFromContent(root);
    const policyTypeSource = options.policyType ? 'setting' : fromName ? 'filename' : 'content';
    policies.push(buildPolicy(root, { policyType, policyTypeSource }));
  }
  return { text, uri, root, syntaxErrors, duplicateKeys: findDuplicateKeys(root), isPolicy, policies };
}
