// Parsers for condition values as IAM reads them: booleans, ISO 8601 dates, numbers, IPv4/IPv6 CIDR
// ranges, base64 and ARN shape. Pure string checks, lenient where IAM is (a false "bad value" is worse
// than a miss); they do not know which key or operator the value belongs to.

export type ScalarValue = string | number | boolean | null;

/** "true"/"false" (any case, as a JSON string or boolean) → boolean; anything else → undefined. */
export function parseBoolValue(v: ScalarValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const l = v.toLowerCase();
  return l === 'true' ? true : l === 'false' ? false : undefined;
}

/** A decimal number (JSON number, or a string such as "3600", "-1.5"); undefined otherwise. */
export function parseNumberValue(v: ScalarValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim())) return undefined;
  return Number(v.trim());
}

/** Epoch seconds (what aws:EpochTime compares): an integer of up to 10+ digits; also JSON numbers. */
export function isEpochLike(v: ScalarValue): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0;
  return typeof v === 'string' && /^\d{9,13}$/.test(v.trim());
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * ISO 8601 date or date-time as IAM accepts it: "2020", "2020-01", "2020-01-01", "2020-01-01T00:00:00Z",
 * "2020-01-01T12:00:00.000+01:00", basic forms "20200101T000000Z". Checks field ranges.
 */
export function isIsoDate(v: string): boolean {
  // W3C NOTE-datetime (the profile the IAM docs cite) also allows a bare year or year-month
  const ym = /^(\d{4})(?:-(\d{2}))?$/.exec(v);
  if (ym) return ym[2] === undefined || (Number(ym[2]) >= 1 && Number(ym[2]) <= 12);
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(v) ??
    /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(?:(\d{2})(?:(\d{2})(?:[.,]\d+)?)?)?(Z|[+-]\d{2}(?:\d{2})?)?)?$/.exec(v);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return false;
  if (m[4] !== undefined && Number(m[4]) > 24) return false;
  if (m[5] !== undefined && Number(m[5]) > 59) return false;
  if (m[6] !== undefined && Number(m[6]) > 60) return false;
  return true;
}

export interface Cidr {
  readonly version: 4 | 6;
  /** the address bytes (4 or 16) */
  readonly bytes: readonly number[];
  /** prefix length; a bare address gets 32 / 128 */
  readonly prefix: number;
  /** whether the text had an explicit /prefix */
  readonly explicitPrefix: boolean;
}

function parseIpv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIpv6(s: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    const parts = h.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIpv4(p);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
      out.push(parseInt(p, 16));
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  let all: number[];
  if (halves.length === 2) {
    const fill = 8 - head.length - tail.length;
    if (fill < 1) return undefined;
    all = [...head, ...new Array<number>(fill).fill(0), ...tail];
  } else {
    if (head.length !== 8) return undefined;
    all = head;
  }
  const bytes: number[] = [];
  for (const g of all) bytes.push(g >> 8, g & 0xff);
  return bytes;
}

/** An IPv4 or IPv6 address with an optional /prefix ("203.0.113.0/24", "2001:db8::/32"); undefined if malformed. */
export function parseCidr(v: string): Cidr | undefined {
  const slash = v.indexOf('/');
  const addr = slash < 0 ? v : v.slice(0, slash);
  const prefixText = slash < 0 ? undefined : v.slice(slash + 1);
  const v4 = parseIpv4(addr);
  const bytes = v4 ?? parseIpv6(addr);
  if (!bytes) return undefined;
  const max = v4 ? 32 : 128;
  let prefix = max;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > max) return undefined;
  }
  return { version: v4 ? 4 : 6, bytes, prefix, explicitPrefix: prefixText !== undefined };
}

/** The CIDR with host bits cleared ("10.0.0.5/24" → "10.0.0.0/24"), or undefined when no host bit is set. */
export function cidrWithoutHostBits(c: Cidr): string | undefined {
  let changed = false;
  const bytes = c.bytes.map((b, i) => {
    const bitsInByte = Math.max(0, Math.min(8, c.prefix - i * 8));
    const mask = bitsInByte === 0 ? 0 : (0xff << (8 - bitsInByte)) & 0xff;
    if ((b & mask) !== b) changed = true;
    return b & mask;
  });
  if (!changed) return undefined;
  return `${formatAddress(c.version, bytes)}/${c.prefix}`;
}

function formatAddress(version: 4 | 6, bytes: readonly number[]): string {
  if (version === 4) return bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  // compress the longest run of zero groups (RFC 5952)
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** True when `inner` lies entirely inside `outer` (same IP version). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.version !== inner.version || inner.prefix < outer.prefix) return false;
  for (let bit = 0; bit < outer.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((outer.bytes[byte]! & mask) !== (inner.bytes[byte]! & mask)) return false;
  }
  return true;
}

/** RFC 1918 IPv4 ranges, loopback and link-local, and the IPv6 unique-local/link-local/loopback ranges. */
export const PRIVATE_RANGES: readonly Cidr[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  'fc00::/7',
  'fe80::/10',
  '::1/128',
].map((s) => parseCidr(s)!);

/** Whether the whole range is private (never the public source address AWS sees in aws:SourceIp). */
export function isPrivateCidr(c: Cidr): boolean {
  return PRIVATE_RANGES.some((p) => cidrContains(p, c));
}

/** Standard base64 (with padding), as BinaryEquals expects. */
export function isBase64(v: string): boolean {
  return v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v);
}

/**
 * Whether a value has the ARN shape the Arn* operators compare segment by segment: "arn:" and at least
 * six colon-separated segments (colons inside ${...} variables do not count). A lone "*" is accepted.
 */
export function hasArnShape(v: string): boolean {
  if (v === '*') return true;
  let colons = 0;
  let depth = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '$' && v[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ':' && depth === 0) colons++;
  }
  // a leading wildcard ("*:...") or variable can stand for the "arn" literal
  return colons >= 5 && /^(arn|\*|\$\{)/i.test(v);
}
