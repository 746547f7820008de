// What the language server and the VS Code client share: the `iamPolicy` settings shape, their defaults and
// the ids of commands. Types and constants only (the client imports it with `import type`); no behaviour.

export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';
export type PolicyTypeName = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'boundary';

/** The `iamPolicy.*` settings as the editor sends them (workspace/configuration, section "iamPolicy"). */
export interface IamPolicySettings {
  /** rule code -> level, e.g. {"RESOURCE_STAR": "off"} */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** glob -> policy type, e.g. {"**\/trust/*.json": "trust"} */
  readonly policyTypes: Readonly<Record<string, PolicyTypeName>>;
  /** globs of files always treated as policies, whatever their content */
  readonly files: readonly string[];
  /** the user's own AWS account ids: principals of other accounts are cross-account */
  readonly accountIds: readonly string[];
  /** action patterns SENSITIVE_ACTION_WITHOUT_CONDITION watches; empty = the rule's built-in list */
  readonly sensitiveActions: readonly string[];
  /** opt in to the pre-September-2025 SCP language limits (LEGACY_SCP_SYNTAX) */
  readonly legacyScp: boolean;
  /** documents larger than this (bytes) are not checked */
  readonly maxFileSize: number;
  readonly codeLens: { readonly enabled: boolean };
  readonly hover: { readonly detail: 'full' | 'brief' };
  readonly trace: { readonly server: 'off' | 'messages' | 'verbose' };
}

export const SETTINGS_SECTION = 'iamPolicy';

export const DEFAULT_SETTINGS: IamPolicySettings = {
  rules: {},
  policyTypes: {},
  files: [],
  accountIds: [],
  sensitiveActions: [],
  legacyScp: false,
  maxFileSize: 2_000_000,
  codeLens: { enabled: true },
  hover: { detail: 'full' },
  trace: { server: 'off' },
};

/** The workspace file read by both the server and the CLI, so the editor and CI agree. */
export const WORKSPACE_CONFIG_FILE = '.iam-policy.json';

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];
export const POLICY_TYPE_NAMES: readonly PolicyTypeName[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary'];

/** Commands shared by the server (CodeLens) and the client (command palette). */
export const COMMANDS = {
  /** arguments: [uri: string, policyIndex?: number, statementIndex?: number] */
  showEffectiveActions: 'iamPolicy.showEffectiveActions',
  restartServer: 'iamPolicy.restartServer',
  /** arguments: [code?: string] */
  openRuleDocs: 'iamPolicy.openRuleDocs',
} as const;

/** Custom request: every catalog action a policy (or one statement) applies to, by service and access level. */
export const EFFECTIVE_ACTIONS_REQUEST = 'iamPolicy/effectiveActions';
export interface EffectiveActionsParams {
  readonly uri: string;
  readonly policyIndex?: number;
  readonly statementIndex?: number;
}
export interface EffectiveActionsStatement {
  readonly policyIndex: number;
  readonly statementIndex: number;
  readonly label: string;
  readonly effect: string;
  readonly negated: boolean;
  /** Action items that match no catalog action */
  readonly unmatched: readonly string[];
  readonly services: ReadonlyArray<{ readonly prefix: string; readonly name: string; readonly total: number; readonly actions: ReadonlyArray<{ readonly name: string; readonly accessLevel: string }> }>;
}
export interface EffectiveActionsResult {
  readonly uri: string;
  readonly dataVersion: string;
  readonly statements: readonly EffectiveActionsStatement[];
}

/** Custom request: the version of the IAM data the server checks against (status bar). */
export const DATA_VERSION_REQUEST = 'iamPolicy/dataVersion';
export interface DataVersionResult {
  readonly package: string;
  readonly version: string;
  readonly updatedAt: string | null;
}

/**
 * Node flags the extension starts the language server with. A 4 MB young generation (V8's default
 * semi-space is 16 MB) keeps the long-running server's resident memory near 110 MB instead of ~135 MB for
 * about 10% slower validation; `npm run bench` (section "server") starts it the same way. Other editors can
 * pass the same flag: `node --max-semi-space-size=4 dist/server.js --stdio`.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * Environment the extension adds for the language server. MALLOC_ARENA_MAX=1 (glibc; ignored elsewhere): V8's
 * background compiler and GC threads otherwise each keep a malloc arena of freed memory, about 8 MB of the
 * server's resident memory after opening 20 documents (119-122 MB -> 109-113 MB in `npm run bench`, with no
 * measurable change in validation time or cold start).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };

/**
 * Commands the server itself executes (workspace/executeCommand), for clients other than this extension's VS
 * Code client: CodeLens and code actions use them unless the client lists its own commands in
 * initializationOptions.clientCommands (the VS Code client does: its commands open editors the server cannot).
 */
export const SERVER_COMMANDS = {
  /** arguments: [uri: string, policyIndex?: number, statementIndex?: number]; shows a summary, returns EffectiveActionsResult */
  showEffectiveActions: 'iamPolicy.server.showEffectiveActions',
  /** arguments: [code: string]; asks the client to open the rule's https documentation, returns the URL */
  openRuleDocs: 'iamPolicy.server.openRuleDocs',
  /** arguments: [uri: string, code: string]; sets the rule to "off" in the workspace's .iam-policy.json */
  disableRule: 'iamPolicy.server.disableRule',
} as const;

/** Which client command each server command stands in for. */
export const CLIENT_COMMAND_FOR: Readonly<Record<string, string>> = {
  [SERVER_COMMANDS.showEffectiveActions]: COMMANDS.showEffectiveActions,
  [SERVER_COMMANDS.openRuleDocs]: COMMANDS.openRuleDocs,
};

/** initializationOptions the server understands (besides settings, see lsp/settings.ts). */
export interface IamInitializationOptions {
  /** client-side commands the server may put in CodeLenses and code actions instead of its own */
  readonly clientCommands?: readonly string[];
  /** the editor formats iam-policy documents itself (VS Code's JSON support, via jsonLanguageParticipants) */
  readonly editorFormatsPolicies?: boolean;
  readonly iamPolicy?: unknown;
}

/**
 * The published rule documentation: docs/rules.md of the project's repository, where each rule has a heading
 * anchor (its code in lower case). Diagnostics link here; the extension's "Open Rule Documentation" command
 * shows the copy bundled with the extension instead (offline).
 */
export const RULE_DOCS_URL = 'https://github.com/iam-policy-assistant/iam-policy-assistant/blob/main/docs/rules.md';
export const ruleDocsUrl = (code: string): string => `${RULE_DOCS_URL}#${code.toLowerCase()}`;
