// Reads a pasted AWS access-denied message into the request it describes: principal, action, resource, and,
// when the message says so, the kind of policy that denied it (explicit or implicit) and that policy's ARN.
// Understands the documented formats (IAM User Guide, "Troubleshoot access denied error messages"), the
// SDK/CLI wrappers around them, and the JSON that `aws sts decode-authorization-message` prints. It does not
// evaluate anything; linear string scans only (the text is pasted by the user, of any length).

/** The policy kinds an access-denied message can name. `vpc-endpoint` has no counterpart in our policy sets. */
export type DenyingPolicyKind = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp' | 'vpc-endpoint' | 'trust';

export interface DenyingPolicy {
  /** explicit: "with an explicit deny in a … policy"; implicit: "because no … policy allows the … action" */
  readonly denial: 'explicit' | 'implicit';
  readonly kind: DenyingPolicyKind;
  /** the phrase as AWS wrote it, e.g. "service control policy" */
  readonly phrase: string;
  /** the denying policy's ARN, when the message carries it (same account or organization only) */
  readonly policyArn?: string;
}

export interface AccessDeniedRequest {
  /** the caller's ARN as printed (`arn:aws:sts::…:assumed-role/…`), or "anonymous" */
  readonly principal?: string;
  /** "s3:GetObject" */
  readonly action: string;
  /** the resource ARN (or name) the message names; undefined when it names none */
  readonly resource?: string;
  readonly denyingPolicy?: DenyingPolicy;
  /** the API operation from an SDK/CLI prefix: "An error occurred (AccessDenied) when calling the GetObject operation" */
  readonly operation?: string;
  /** request context from a decoded authorization message (key -> values) */
  readonly context?: Readonly<Record<string, readonly string[]>>;
  /** a decoded authorization message's `explicitDeny` (plain messages say it through denyingPolicy) */
  readonly explicitDeny?: boolean;
  /** which shape was recognised: the plain message, or a decoded authorization message */
  readonly source: 'message' | 'decoded-authorization-message';
}

export type AccessDeniedParse = { readonly ok: true; readonly request: AccessDeniedRequest } | { readonly ok: false; readonly reason: string };

/** AWS's wording for each policy kind, longest first so "resource control policy" wins over "resource". */
const KIND_PHRASES: ReadonlyArray<readonly [string, DenyingPolicyKind]> = [
  ['identity-based policy', 'identity'],
  ['identity based policy', 'identity'],
  ['resource-based policy', 'resource'],
  ['resource based policy', 'resource'],
  ['permissions boundary policy', 'boundary'],
  ['permissions boundary', 'boundary'],
  ['permission boundary', 'boundary'],
  ['session policy', 'session'],
  ['service control policy', 'scp'],
  ['resource control policy', 'rcp'],
  ['vpc endpoint policy', 'vpc-endpoint'],
  ['role trust policy', 'trust'],
  ['trust policy', 'trust'],
  ['scp', 'scp'],
  ['rcp', 'rcp'],
];

const NOT_AUTHORIZED = 'is not authorized to perform';

/** Entities of S3's XML error bodies and escapes of JSON-wrapped messages, undone before reading. */
function unwrap(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\"/g, '"')
    .replace(/\\n/g, ' ')
    .replace(/\s+/g, ' ');
}

/** A token as AWS prints it: up to the next space, without surrounding quotes or trailing punctuation. */
function token(text: string, from: number): { value: string; end: number } {
  let i = from;
  while (i < text.length && text[i] === ' ') i++;
  let end = text.indexOf(' ', i);
  if (end < 0) end = text.length;
  let value = text.slice(i, end);
  // S3 quotes the resource ("arn:aws:s3:::b/k"); JSON and XML wrappers leave a closing quote or tag
  const lt = value.indexOf('<');
  if (lt > 0) value = value.slice(0, lt);
  value = value.replace(/^["'`]+/, '').replace(/["'`]+$/, '');
  while (value.length > 1 && /[.,;)\]}]$/.test(value) && !(value.endsWith('*)') || value.endsWith('/*'))) value = value.slice(0, -1);
  value = value.replace(/["'`]+$/, '');
  return { value, end };
}

function kindAt(lower: string, from: number): { kind: DenyingPolicyKind; phrase: string; end: number } | undefined {
  let i = from;
  while (lower[i] === ' ') i++;
  for (const article of ['an ', 'a ', 'the ']) {
    if (lower.startsWith(article, i)) {
      i += article.length;
      break;
    }
  }
  for (const [phrase, kind] of KIND_PHRASES) {
    if (lower.startsWith(phrase, i)) {
      const end = i + phrase.length;
      // "scp" must be a word, not the start of "scpfoo"
      const next = lower[end];
      if (next !== undefined && /[a-z0-9-]/.test(next)) continue;
      return { kind, phrase, end };
    }
  }
  return undefined;
}

/** "… policy: arn:…" right after the kind phrase. */
function policyArnAfter(text: string, end: number): string | undefined {
  let i = end;
  if (text[i] === ':') i++;
  else if (text.startsWith(' policy:', i)) i += ' policy:'.length;
  else return undefined;
  const { value } = token(text, i);
  return value.startsWith('arn:') ? value : undefined;
}

function denyingPolicy(text: string, lower: string, from: number): DenyingPolicy | undefined {
  const explicitAt = lower.indexOf('explicit deny in', from);
  if (explicitAt >= 0) {
    const k = kindAt(lower, explicitAt + 'explicit deny in'.length);
    if (k) {
      const arn = policyArnAfter(text, k.end);
      return { denial: 'explicit', kind: k.kind, phrase: text.slice(k.end - k.phrase.length, k.end), ...(arn ? { policyArn: arn } : {}) };
    }
  }
  const noAt = lower.indexOf('because no ', from);
  if (noAt >= 0) {
    const k = kindAt(lower, noAt + 'because no '.length);
    if (k) {
      const arn = policyArnAfter(text, k.end);
      return { denial: 'implicit', kind: k.kind, phrase: text.slice(k.end - k.phrase.length, k.end), ...(arn ? { policyArn: arn } : {}) };
    }
  }
  return undefined;
}

function operationOf(text: string, lower: string): string | undefined {
  const at = lower.indexOf('when calling the ');
  if (at < 0) return undefined;
  const { value, end } = token(text, at + 'when calling the '.length);
  return lower.startsWith(' operation', end) && value ? value : undefined;
}

const ACTION_SHAPE = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;

function parsePlainMessage(raw: string): AccessDeniedParse {
  const text = unwrap(raw).trim();
  const lower = text.toLowerCase();
  const at = lower.indexOf(NOT_AUTHORIZED);
  if (at < 0) return notRecognised(text, lower);
  // the principal: the word(s) between the last "User:" (or "User ") before the phrase and the phrase
  const head = text.slice(0, at).trimEnd();
  const userAt = Math.max(head.lastIndexOf('User: '), head.lastIndexOf('User '));
  let principal: string | undefined;
  if (userAt >= 0) {
    const after = head.slice(userAt + (head.startsWith('User: ', userAt) ? 6 : 5)).trim();
    const parts = after.split(' ');
    principal = parts[parts.length - 1]?.replace(/^["']|["']$/g, '') || undefined;
  } else {
    const parts = head.split(' ');
    const last = parts[parts.length - 1];
    if (last && (last.startsWith('arn:') || last.toLowerCase() === 'anonymous')) principal = last;
  }
  let i = at + NOT_AUTHORIZED.length;
  if (text[i] === ':') i++;
  const action = token(text, i);
  if (!ACTION_SHAPE.test(action.value)) {
    return { ok: false, reason: `The message names no action after "${NOT_AUTHORIZED}" (found "${action.value.slice(0, 60)}"). Paste the whole message, e.g. "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key because no identity-based policy allows the s3:GetObject action".` };
  }
  let resource: string | undefined;
  const rest = lower.slice(action.end);
  const onResource = /^ on (?:the )?resource:? ?/.exec(rest);
  if (onResource) {
    const r = token(text, action.end + onResource[0].length);
    if (r.value && r.value.toLowerCase() !== 'associated') resource = r.value;
  }
  const policy = denyingPolicy(text, lower, action.end);
  const operation = operationOf(text, lower);
  return {
    ok: true,
    request: {
      ...(principal ? { principal } : {}),
      action: action.value,
      ...(resource ? { resource } : {}),
      ...(policy ? { denyingPolicy: policy } : {}),
      ...(operation ? { operation } : {}),
      source: 'message',
    },
  };
}

function notRecognised(text: string, lower: string): AccessDeniedParse {
  if (lower.includes('encoded authorization failure message')) {
    return {
      ok: false,
      reason:
        'The message is encoded. Decode it with `aws sts decode-authorization-message --encoded-message <message> --query DecodedMessage --output text` and paste the JSON it prints.',
    };
  }
  if (text.length === 0) return { ok: false, reason: 'Nothing to read: paste an AccessDenied message.' };
  return {
    ok: false,
    reason: `No "${NOT_AUTHORIZED}" in the message: it names neither principal nor action (services such as S3 sometimes answer only "Access Denied"). Paste a message of the form "User: ARN is not authorized to perform: ACTION on resource: ARN …", or the JSON of a decoded authorization message.`,
  };
}

/** The JSON of `aws sts decode-authorization-message` (the DecodedMessage string, or the whole CLI answer). */
function parseDecoded(raw: string): AccessDeniedParse | undefined {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (isRecord(value) && typeof value['DecodedMessage'] === 'string') {
    try {
      value = JSON.parse(value['DecodedMessage']);
    } catch {
      return undefined;
    }
  }
  if (!isRecord(value) || !isRecord(value['context'])) {
    // a JSON error body wrapping a plain message: {"__type": "AccessDeniedException", "message": "User: …"}
    const message = isRecord(value) ? (value['message'] ?? value['Message']) : undefined;
    return typeof message === 'string' ? parsePlainMessage(message) : undefined;
  }
  const context = value['context'];
  const action = context['action'];
  if (typeof action !== 'string' || !ACTION_SHAPE.test(action)) return { ok: false, reason: 'The decoded authorization message has no "context.action".' };
  const principal = isRecord(context['principal']) && typeof context['principal']['arn'] === 'string' ? context['principal']['arn'] : undefined;
  const resource = typeof context['resource'] === 'string' ? context['resource'] : undefined;
  const keys: Record<string, string[]> = {};
  const items = isRecord(context['conditions']) && Array.isArray(context['conditions']['items']) ? context['conditions']['items'] : [];
  for (const item of items) {
    if (!isRecord(item) || typeof item['key'] !== 'string') continue;
    const values = isRecord(item['values']) && Array.isArray(item['values']['items']) ? item['values']['items'] : [];
    keys[item['key']] = values.flatMap((v) => (isRecord(v) && typeof v['value'] === 'string' ? [v['value']] : []));
  }
  const explicit = value['explicitDeny'] === true;
  return {
    ok: true,
    request: {
      ...(principal ? { principal } : {}),
      action,
      ...(resource ? { resource } : {}),
      ...(Object.keys(keys).length ? { context: keys } : {}),
      // the decoded message says whether a Deny matched, but not in which kind of policy
      explicitDeny: explicit,
      source: 'decoded-authorization-message',
    },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads one pasted access-denied message (plain, wrapped by an SDK/CLI, S3 XML, JSON body, or decoded authorization message). */
export function parseAccessDenied(text: string): AccessDeniedParse {
  return parseDecoded(text) ?? parsePlainMessage(text);
}

/** The AWS account of an ARN ("arn:aws:iam::111122223333:role/x" -> "111122223333"), if it has one. */
export function accountOfArn(arn: string | undefined): string | undefined {
  if (!arn?.startsWith('arn:')) return undefined;
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * The identity a principal ARN stands for in IAM: an assumed-role session acts with its role's policies
 * (arn:aws:sts::A:assumed-role/R/S -> arn:aws:iam::A:role/R), other ARNs stand for themselves.
 */
export function identityOfPrincipal(principal: string | undefined): { readonly kind: 'user' | 'role' | 'role-session' | 'federated-user' | 'root' | 'anonymous' | 'other'; readonly name?: string; readonly arn?: string } {
  if (!principal) return { kind: 'other' };
  if (principal.toLowerCase() === 'anonymous' || principal === '*') return { kind: 'anonymous' };
  const m = /^arn:([^:]+):(iam|sts)::(\d{12}):(.*)$/.exec(principal);
  if (!m) return { kind: 'other', arn: principal };
  const [, partition, service, account, rest] = m as unknown as [string, string, string, string, string];
  if (service === 'sts' && rest.startsWith('assumed-role/')) {
    const role = rest.split('/')[1];
    return { kind: 'role-session', ...(role ? { name: role, arn: `arn:${partition}:iam::${account}:role/${role}` } : {}) };
  }
  if (service === 'sts' && rest.startsWith('federated-user/')) return { kind: 'federated-user', name: rest.slice('federated-user/'.length), arn: principal };
  if (rest === 'root') return { kind: 'root', arn: principal };
  const slash = rest.lastIndexOf('/');
  if (rest.startsWith('user/')) return { kind: 'user', name: rest.slice(slash + 1), arn: principal };
  if (rest.startsWith('role/')) return { kind: 'role', name: rest.slice(slash + 1), arn: principal };
  return { kind: 'other', arn: principal };
}
