// The `iamPolicy` settings per resource: asked from the client with workspace/configuration (scoped to the
// document, so folder settings apply) and cached until didChangeConfiguration. Clients without that request
// push settings in didChangeConfiguration instead; those apply to every document. Values are validated here.
// Clients that neither answer workspace/configuration (or answer it with null) nor push settings (Neovim 0.7
// without `settings`) can give them once in initializationOptions: {"iamPolicy": {...}} or the section itself.

import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, POLICY_TYPE_NAMES, RULE_LEVELS, SETTINGS_SECTION, type IamPolicySettings, type PolicyTypeName, type RuleLevel } from '../protocol';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function pickMap<T extends string>(v: unknown, allowed: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(v)) return out;
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string' && (allowed as readonly string[]).includes(x)) out[k] = x as T;
  return out;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Any value -> complete settings: missing or ill-typed entries fall back to the defaults, never throw. */
export function normalizeSettings(raw: unknown): IamPolicySettings {
  const r = isRecord(raw) ? raw : {};
  const codeLens = isRecord(r['codeLens']) ? r['codeLens'] : {};
  const hover = isRecord(r['hover']) ? r['hover'] : {};
  const trace = isRecord(r['trace']) ? r['trace'] : {};
  const max = r['maxFileSize'];
  return {
    rules: pickMap<RuleLevel>(r['rules'], RULE_LEVELS),
    policyTypes: pickMap<PolicyTypeName>(r['policyTypes'], POLICY_TYPE_NAMES),
    files: strings(r['files']),
    accountIds: strings(r['accountIds']),
    sensitiveActions: strings(r['sensitiveActions']),
    legacyScp: r['legacyScp'] === true,
    maxFileSize: typeof max === 'number' && Number.isFinite(max) && max > 0 ? max : DEFAULT_SETTINGS.maxFileSize,
    codeLens: { enabled: typeof codeLens['enabled'] === 'boolean' ? codeLens['enabled'] : DEFAULT_SETTINGS.codeLens.enabled },
    hover: { detail: hover['detail'] === 'brief' ? 'brief' : 'full' },
    trace: { server: trace['server'] === 'messages' || trace['server'] === 'verbose' ? trace['server'] : 'off' },
  };
}

export class SettingsCache {
  private readonly byUri = new Map<string, Promise<IamPolicySettings>>();
  private global: IamPolicySettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    /** the client answers workspace/configuration */
    private readonly pullsConfiguration: boolean,
  ) {}

  /** initializationOptions: `{"iamPolicy": {...}}`, or the section's own keys at the top level */
  initial(options: unknown): void {
    if (!isRecord(options)) return;
    const section = isRecord(options[SETTINGS_SECTION]) ? options[SETTINGS_SECTION] : options;
    if (Object.keys(section).some((k) => k in DEFAULT_SETTINGS)) this.global = normalizeSettings(section);
  }

  get(uri: string): Promise<IamPolicySettings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.global);
    let hit = this.byUri.get(uri);
    if (!hit) {
      // a client without the section answers null: the pushed or initial settings apply then
      hit = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (v) => (isRecord(v) ? normalizeSettings(v) : this.global),
        () => this.global,
      );
      this.byUri.set(uri, hit);
    }
    return hit;
  }

  /** didChangeConfiguration: drop the cache; settings pushed in `settings.iamPolicy` replace the pushed/initial ones. */
  changed(pushed: unknown): void {
    this.byUri.clear();
    if (isRecord(pushed) && isRecord(pushed[SETTINGS_SECTION])) this.global = normalizeSettings(pushed[SETTINGS_SECTION]);
    else if (!this.pullsConfiguration && isRecord(pushed)) this.global = normalizeSettings(pushed[SETTINGS_SECTION]);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
