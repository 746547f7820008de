// "Explain access denied": reads the pasted message (parseAccessDenied.ts), evaluates the request it describes
// against every policy of the workspace (each in its own role: placement.ts) and against the policy sets of the
// test files whose principal is the caller, then reports the Deny statements that match, the Allows that
// exist, and, when nothing allows the request, the narrowest Allow to add to an identity policy (grantEdit.ts),
// as a ready workspace edit. Reading the workspace is the caller's job; this module is pure.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { IamCatalog } from '../../knowledge/catalog';
import type { ParsedDocument } from '../../parser/parseDocument';
import type { PolicyDocument } from '../../parser/policyModel';
import { evaluate } from '../../evaluation/evaluate';
import { loadPolicyTestFile, type PolicyTestCase } from '../../evaluation/testFile';
import { runPolicyTests, type PolicyResolver } from '../../evaluation/runTests';
import type { EvalRequest } from '../../evaluation/types';
import type { ExplainAccessDeniedResult, GrantProposal, StatementRef } from '../../../evaluationProtocol';
import { placeAlone } from '../simulate/placement';
import { refLabel, toOutcome, toStatementRef, type UriOfPolicy } from '../simulate/outcome';
import { DEFAULT_PRINCIPAL } from '../simulate/simulate';
import { identityOfPrincipal, parseAccessDenied, type AccessDeniedRequest } from './parseAccessDenied';
import { appendStatementEdit, grantStatement } from './grantEdit';

export interface WorkspacePolicyFile {
  readonly uri: string;
  /** path relative to the workspace folder, for display */
  readonly label: string;
  readonly parsed: ParsedDocument;
}

export interface WorkspaceTestFile {
  readonly uri: string;
  readonly label: string;
  readonly text: string;
  readonly resolver: PolicyResolver;
  readonly uriOf: UriOfPolicy;
}

const MAX_GRANTS = 20;

export function explainAccessDenied(message: string, policies: readonly WorkspacePolicyFile[], testFiles: readonly WorkspaceTestFile[], catalog: IamCatalog): ExplainAccessDeniedResult {
  const parsedMessage = parseAccessDenied(message);
  if (!parsedMessage.ok) return { ok: false, reason: parsedMessage.reason, denies: [], allows: [], grants: [], testSets: [], policiesSearched: 0, markdown: `# Access denied\n\n${parsedMessage.reason}\n` };
  const m = parsedMessage.request;
  const request: EvalRequest = {
    principal: m.principal ?? DEFAULT_PRINCIPAL,
    action: m.action,
    resource: m.resource ?? '*',
    ...(m.context ? { context: Object.fromEntries(Object.entries(m.context).map(([k, v]) => [k, v.length === 1 ? v[0]! : v])) } : {}),
  };
  const denies: StatementRef[] = [];
  const allows: StatementRef[] = [];
  const identityPolicies: Array<{ file: WorkspacePolicyFile; policy: PolicyDocument }> = [];
  let searched = 0;
  for (const file of policies) {
    if (!file.parsed.isPolicy || file.parsed.skipped) continue;
    for (const policy of file.parsed.policies) {
      searched++;
      if (policy.policyType === 'identity') identityPolicies.push({ file, policy });
      const placement = placeAlone(file.label, file.parsed.text, policy);
      const result = evaluate(placement.set, request, { catalog });
      const uriOf: UriOfPolicy = (name) => (name === file.label ? file.uri : '');
      for (const ref of result.decidedBy) {
        const r = toStatementRef(ref, uriOf);
        if (r.uri === '') continue;
        if (ref.effect === 'Deny') denies.push(r);
        else if (result.verdict === 'allowed' && (policy.policyType === 'identity' || policy.policyType === 'resource' || policy.policyType === 'trust')) allows.push(r);
      }
    }
  }
  // test files that give policies to this caller
  const caller = identityOfPrincipal(m.principal);
  const testSets: Array<{ uri: string; outcome: ReturnType<typeof toOutcome> }> = [];
  const preferred = new Map<string, string>();
  for (const t of testFiles) {
    const loaded = loadPolicyTestFile(t.text, t.uri, { catalog });
    const principal = loaded.suite.principal?.value;
    if (!principal || !m.principal || !samePrincipal(principal, m.principal, caller.arn)) continue;
    const loc = { offset: 0, length: 0, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    const test: PolicyTestCase = {
      ...loc,
      index: 0,
      name: 'access denied',
      action: { ...loc, value: request.action },
      resource: { ...loc, value: request.resource },
      principal: { ...loc, value: request.principal },
      context: Object.entries(request.context ?? {}).map(([k, v]) => ({ key: { ...loc, value: k }, value: v, valueLoc: loc })),
    };
    const run = runPolicyTests({ suite: { ...loaded.suite, tests: [test] }, problems: [] }, t.resolver, { catalog });
    const evaluation = run.results[0]?.evaluation;
    if (!evaluation) continue;
    const outcome = toOutcome(evaluation, t.uriOf);
    testSets.push({ uri: t.uri, outcome });
    for (const r of outcome.decidedBy) if (r.effect === 'Deny' && !denies.some((d) => d.uri === r.uri && d.statement === r.statement)) denies.push(r);
    for (const ref of loaded.suite.policies?.identity ?? []) if (ref.source === 'path') preferred.set(t.uriOf(ref.path, undefined), `the test file ${t.label} gives it to ${m.principal}`);
  }
  // the policy the message names comes first
  const named = m.denyingPolicy?.policyArn?.split('/').pop()?.toLowerCase();
  if (named) denies.sort((a, b) => Number(fileName(b.uri).includes(named)) - Number(fileName(a.uri).includes(named)));

  const grants: GrantProposal[] = [];
  // an Allow in an identity policy helps only when AWS reports no Allow there (or does not say which policy denied)
  const needsIdentityAllow = m.explicitDeny !== true && (!m.denyingPolicy || (m.denyingPolicy.denial === 'implicit' && m.denyingPolicy.kind === 'identity'));
  const identityAllows = allows.filter((a) => identityPolicies.some((p) => p.file.uri === a.uri));
  if (needsIdentityAllow && identityAllows.length === 0 && denies.length === 0) {
    const name = caller.name?.toLowerCase();
    const ranked = identityPolicies
      .filter((p) => !p.file.parsed.container && !p.file.parsed.syntax && p.file.parsed.syntaxErrors.length === 0)
      .map((p) => {
        const why = preferred.get(p.file.uri) ?? (name && fileName(p.file.uri).includes(name) ? `its file name mentions ${caller.name}` : 'an identity policy of the workspace');
        const rank = preferred.has(p.file.uri) ? 0 : name && fileName(p.file.uri).includes(name) ? 1 : 2;
        return { p, why, rank };
      })
      .sort((a, b) => a.rank - b.rank || (a.p.file.label < b.p.file.label ? -1 : 1))
      .slice(0, MAX_GRANTS);
    for (const { p, why } of ranked) {
      const statement = grantStatement(p.policy, request.action, m.resource);
      const edit = appendStatementEdit(p.file.parsed.text, p.policy, statement);
      if (!edit) continue;
      const doc = TextDocument.create(p.file.uri, 'json', 0, p.file.parsed.text);
      const workspaceEdit: WorkspaceEdit = { changes: { [p.file.uri]: [{ range: { start: doc.positionAt(edit.offset), end: doc.positionAt(edit.offset + edit.length) }, newText: edit.newText }] } };
      grants.push({ uri: p.file.uri, label: p.file.label, reason: why, statement, edit: workspaceEdit });
    }
  }
  return {
    ok: true,
    request: {
      ...(m.principal ? { principal: m.principal } : {}),
      action: m.action,
      ...(m.resource ? { resource: m.resource } : {}),
      ...(m.denyingPolicy ? { denial: `${m.denyingPolicy.denial} deny in ${m.denyingPolicy.phrase}` } : {}),
      ...(m.denyingPolicy?.policyArn ? { policyArn: m.denyingPolicy.policyArn } : {}),
    },
    denies,
    allows,
    grants,
    testSets,
    policiesSearched: searched,
    markdown: explainMarkdown(m, request, denies, allows, grants, searched, policies),
  };
}

function samePrincipal(a: string, b: string, bIdentity: string | undefined): boolean {
  if (a === b) return true;
  const ia = identityOfPrincipal(a).arn;
  return ia !== undefined && (ia === b || ia === bIdentity);
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)).toLowerCase();
}

function explainMarkdown(m: AccessDeniedRequest, request: EvalRequest, denies: readonly StatementRef[], allows: readonly StatementRef[], grants: readonly GrantProposal[], searched: number, files: readonly WorkspacePolicyFile[]): string {
  const label = (r: StatementRef) => {
    const f = files.find((x) => x.uri === r.uri);
    return `${refLabel({ ...r, policy: f?.label ?? r.policy })}${r.range ? `, line ${r.range.start.line + 1}` : ''}`;
  };
  const lines = [`# Access denied: ${request.action}`, ''];
  lines.push(`- Principal: \`${m.principal ?? '(not in the message)'}\``, `- Action: \`${request.action}\``, `- Resource: \`${m.resource ?? '(not in the message: evaluated as *)'}\``);
  if (m.denyingPolicy) lines.push(`- AWS says: ${m.denyingPolicy.denial === 'explicit' ? 'an explicit deny' : 'no Allow'} in ${m.denyingPolicy.phrase}${m.denyingPolicy.policyArn ? ` (\`${m.denyingPolicy.policyArn}\`)` : ''}`);
  lines.push('', `${searched} workspace ${searched === 1 ? 'policy' : 'policies'} searched.`, '');
  if (denies.length) {
    lines.push('## Deny statements that match', '', ...denies.map((d) => `- ${label(d)}`), '');
  } else if (m.denyingPolicy?.denial === 'explicit') {
    lines.push('## No matching Deny in the workspace', '', `AWS reports an explicit deny in ${m.denyingPolicy.phrase}, but no Deny statement of this workspace matches the request: the denying policy is not here${m.denyingPolicy.policyArn ? ` (it is \`${m.denyingPolicy.policyArn}\`)` : ''}.`, '');
  }
  if (allows.length) lines.push('## Allow statements that match', '', ...allows.map((a) => `- ${label(a)}`), '', 'Something else denies the request (a Deny, a boundary, an SCP, or a condition on context this message does not show).', '');
  if (grants.length) {
    const g = grants[0]!;
    lines.push('## Missing Allow', '', `No identity policy of the workspace allows \`${request.action}\` on \`${request.resource}\`. The narrowest grant:`, '', '```json', JSON.stringify(g.statement, null, 2), '```', '', `Offered for: ${grants.map((x) => `${x.label} (${x.reason})`).join('; ')}.`, '');
  } else if (!denies.length && !allows.length && m.denyingPolicy && m.denyingPolicy.denial === 'implicit' && m.denyingPolicy.kind !== 'identity') {
    lines.push('## Missing Allow', '', `AWS reports that no ${m.denyingPolicy.phrase} allows the action: the Allow is missing there, not in the identity policies.`, '');
  }
  return lines.join('\n');
}
