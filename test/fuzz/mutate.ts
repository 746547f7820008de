// Text mutators for fuzzing: byte-level damage, JSON-significant insertions, truncation, duplicated keys,
// huge strings, deep nesting, lone surrogates / replacement characters, BOM, CRLF, non-BMP characters.

export type Rand = () => number;

const SPECIALS = ['"', '{', '[', ',', ':', '*', '$', '\\', '}', ']', '${', '"*"', '?', '\u0000', '\t'];

function int(rand: Rand, n: number): number {
  return Math.floor(rand() * n);
}

export const MUTATORS: ReadonlyArray<{ name: string; apply(text: string, rand: Rand): string }> = [
  {
    name: 'flip',
    apply(t, r) {
      if (!t) return t;
      const i = int(r, t.length);
      return t.slice(0, i) + String.fromCharCode(t.charCodeAt(i) ^ (1 << int(r, 7))) + t.slice(i + 1);
    },
  },
  {
    name: 'delete',
    apply(t, r) {
      const i = int(r, t.length + 1);
      return t.slice(0, i) + t.slice(i + 1 + int(r, 20));
    },
  },
  {
    name: 'insertSpecial',
    apply(t, r) {
      const i = int(r, t.length + 1);
      return t.slice(0, i) + SPECIALS[int(r, SPECIALS.length)]! + t.slice(i);
    },
  },
  { name: 'truncate', apply: (t, r) => t.slice(0, int(r, t.length + 1)) },
  {
    name: 'duplicateLine',
    apply(t, r) {
      const lines = t.split('\n');
      const i = int(r, lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    },
  },
  {
    name: 'hugeString',
    apply(t, r) {
      const i = t.indexOf('"', int(r, t.length));
      if (i < 0) return t;
      return `${t.slice(0, i + 1)}${'A*'.repeat(20000 + int(r, 30000))}${t.slice(i + 1)}`;
    },
  },
  {
    name: 'deepNesting',
    apply(t, r) {
      const depth = 500 + int(r, 3000);
      const i = t.indexOf('"Resource"');
      const open = r() < 0.5 ? '[' : '{"a":';
      const close = open === '[' ? ']' : '}';
      const nested = open.repeat(depth) + '1' + close.repeat(depth);
      return i < 0 ? nested : `${t.slice(0, i)}"Deep": ${nested}, ${t.slice(i)}`;
    },
  },
  {
    name: 'loneSurrogate',
    apply(t, r) {
      const i = int(r, t.length + 1);
      const chars = ['\ud800', '\udfff', '\ufffd', '\ufeff', '\u2028'];
      return t.slice(0, i) + chars[int(r, chars.length)]! + t.slice(i);
    },
  },
  { name: 'bom', apply: (t) => `\ufeff${t}` },
  { name: 'crlf', apply: (t) => t.replace(/\n/g, '\r\n') },
  {
    name: 'nonBmp',
    apply(t, r) {
      const i = t.indexOf('"', int(r, t.length));
      return i < 0 ? t : `${t.slice(0, i + 1)}😀𝄞${t.slice(i + 1)}`;
    },
  },
  {
    name: 'wildcardStorm',
    apply(t, r) {
      const i = t.indexOf('"s3:');
      if (i < 0) return t;
      return `${t.slice(0, i + 4)}${'*a'.repeat(2000 + int(r, 4000))}?${t.slice(i + 4)}`;
    },
  },
];

export function mutate(text: string, rand: Rand): { text: string; steps: string[] } {
  let out = text;
  const steps: string[] = [];
  const n = 1 + int(rand, 3);
  for (let i = 0; i < n; i++) {
    const m = MUTATORS[int(rand, MUTATORS.length)]!;
    out = m.apply(out, rand);
    steps.push(m.name);
  }
  return { text: out, steps };
}
