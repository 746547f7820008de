// A small HCL (Terraform) reader for exactly what policy checking needs, keeping source offsets: bodies of
// attributes and blocks, and expressions — strings with `${…}` templates, heredocs (`<<EOF`, `<<-EOF`), numbers,
// booleans, null, tuples, objects (`k = v`, `"k" = v`, `k: v`), function calls, references. Operators, conditionals
// and `for` expressions are kept as opaque spans. No maintained npm HCL parser gives positions, hence this file.
// It does not evaluate anything and knows nothing about IAM.

import type { SyntaxProblem } from '../jsonTree';

export interface Span2 {
  readonly start: number;
  readonly end: number;
}

export type HclExpr =
  | (Span2 & { readonly kind: 'string'; readonly value: string; readonly hasTemplate: boolean })
  | (Span2 & { readonly kind: 'heredoc'; readonly body: string; readonly bodyStart: number })
  | (Span2 & { readonly kind: 'number'; readonly value: number })
  | (Span2 & { readonly kind: 'bool'; readonly value: boolean })
  | (Span2 & { readonly kind: 'null' })
  | (Span2 & { readonly kind: 'tuple'; readonly items: readonly HclExpr[] })
  | (Span2 & { readonly kind: 'object'; readonly items: readonly HclObjectItem[] })
  | (Span2 & { readonly kind: 'call'; readonly name: string; readonly args: readonly HclExpr[] })
  /** a reference (`aws_s3_bucket.b.arn`, `var.x`), an operation, a conditional or a `for` expression */
  | (Span2 & { readonly kind: 'other'; readonly text: string });

export interface HclKey extends Span2 {
  readonly name: string;
}

export interface HclObjectItem {
  readonly key: HclKey;
  readonly value: HclExpr;
}

export interface HclAttribute {
  readonly name: HclKey;
  readonly value: HclExpr;
}

export interface HclBlock extends Span2 {
  readonly type: HclKey;
  readonly labels: readonly HclKey[];
  readonly body: HclBody;
}

export interface HclBody {
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
}

export interface HclFile {
  readonly body: HclBody;
  readonly syntaxErrors: readonly SyntaxProblem[];
}

// HCL2 identifiers are Unicode (ID_Start / ID_Continue, plus "-" and "_"): "naïve", "名前"
const IDENT_START = /[\p{ID_Start}_]/u;
const IDENT_PART = /[\p{ID_Continue}_-]/u;
const BINARY_OPS = ['==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '<', '>'];

export function parseHcl(text: string): HclFile {
  const p = new HclParser(text);
  const body = p.body(undefined);
  return { body, syntaxErrors: p.errors };
}

class HclParser {
  pos = 0;
  readonly errors: SyntaxProblem[] = [];

  constructor(private readonly text: string) {}

  private error(offset: number, message: string): void {
    if (this.errors.some((e) => e.offset === offset)) return;
    this.errors.push({ offset, length: 1, message });
  }

  /** Skips spaces and comments; newlines too when `newlines` (inside brackets and between body items). */
  private skip(newlines: boolean): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else if (c === '#' || (c === '/' && t[this.pos + 1] === '/')) {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && t[this.pos + 1] === '*') {
        const end = t.indexOf('*/', this.pos + 2);
        if (end < 0) {
          this.error(this.pos, 'Unterminated comment.');
          this.pos = t.length;
        } else this.pos = end + 2;
      } else break;
    }
  }

  private ident(): HclKey | undefined {
    const t = this.text;
    if (this.pos >= t.length || !IDENT_START.test(t[this.pos]!)) return undefined;
    const start = this.pos;
    while (this.pos < t.length && IDENT_PART.test(t[this.pos]!)) this.pos++;
    return { name: t.slice(start, this.pos), start, end: this.pos };
  }

  /** A body: until `}` (blocks) or the end of the text (files). */
  body(closing: '}' | undefined): HclBody {
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    const t = this.text;
    for (;;) {
      this.skip(true);
      if (this.pos >= t.length) {
        if (closing) this.error(t.length - 1 < 0 ? 0 : t.length - 1, 'Closing brace "}" expected.');
        break;
      }
      if (t[this.pos] === '}') {
        if (closing) {
          this.pos++;
          break;
        }
        this.error(this.pos, 'Unexpected "}".');
        this.pos++;
        continue;
      }
      const name = this.ident();
      if (!name) {
        this.error(this.pos, 'Attribute or block name expected.');
        this.skipLine();
        continue;
      }
      this.skip(false);
      if (t[this.pos] === '=' && t[this.pos + 1] !== '=') {
        this.pos++;
        this.skip(false);
        attributes.push({ name, value: this.expression(false) });
        this.endOfItem();
        continue;
      }
      const labels: HclKey[] = [];
      while (this.pos < t.length && t[this.pos] !== '{') {
        if (t[this.pos] === '"') {
          const s = this.string();
          labels.push({ name: s.kind === 'string' ? s.value : '', start: s.start, end: s.end });
        } else {
          const id = this.ident();
          if (!id) break;
          labels.push(id);
        }
        this.skip(false);
      }
      if (t[this.pos] !== '{') {
        this.error(this.pos < t.length ? this.pos : t.length - 1, `"=" or "{" expected after "${name.name}".`);
        this.skipLine();
        continue;
      }
      this.pos++;
      const inner = this.body('}');
      blocks.push({ type: name, labels, body: inner, start: name.start, end: this.pos });
    }
    return { attributes, blocks };
  }

  private endOfItem(): void {
    this.skip(false);
    const c = this.text[this.pos];
    if (c === undefined || c === '\n' || c === '}') return;
    if (c === ',') {
      this.pos++;
      return;
    }
    this.error(this.pos, 'Newline expected after an attribute.');
    this.skipLine();
  }

  private skipLine(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.text.length : nl + 1;
  }

  /** An expression; `inBrackets` lets operators continue over newlines. */
  expression(inBrackets: boolean): HclExpr {
    const start = this.pos;
    let expr = this.postfix(this.primary());
    for (;;) {
      const save = this.pos;
      this.skip(inBrackets);
      const op = BINARY_OPS.find((o) => this.text.startsWith(o, this.pos));
      if (op && !(op === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*'))) {
        this.pos += op.length;
        this.skip(true);
        this.postfix(this.primary());
        expr = this.other(start);
        continue;
      }
      if (this.text[this.pos] === '?') {
        this.pos++;
        this.skip(true);
        this.expression(true);
        this.skip(true);
        if (this.text[this.pos] === ':') {
          this.pos++;
          this.skip(true);
          this.expression(inBrackets);
        } else this.error(this.pos, '":" expected in a conditional expression.');
        expr = this.other(start);
        continue;
      }
      this.pos = save;
      return expr;
    }
  }

  private other(start: number): HclExpr {
    return { kind: 'other', text: this.text.slice(start, this.pos), start, end: this.pos };
  }

  /** Attribute access, index, splat and `...` after a value: the result is a reference (opaque). */
  private postfix(expr: HclExpr): HclExpr {
    const t = this.text;
    let e = expr;
    for (;;) {
      if (t[this.pos] === '.' && t[this.pos + 1] !== '.') {
        this.pos++;
        if (t[this.pos] === '*') this.pos++;
        else if (!this.ident() && !/[0-9]/.test(t[this.pos] ?? '')) this.error(this.pos, 'Attribute name expected after ".".');
        while (/[0-9]/.test(t[this.pos] ?? '')) this.pos++;
        e = this.other(expr.start);
      } else if (t[this.pos] === '[' && e.kind !== 'string') {
        // an index applies to any value, a call's result included: tolist(x)[0], [1, 2][0], {a = 1}["a"]
        this.pos++;
        this.skip(true);
        if (t[this.pos] === '*') this.pos++;
        else this.expression(true);
        this.skip(true);
        if (t[this.pos] === ']') this.pos++;
        else this.error(this.pos, 'Closing bracket "]" expected.');
        e = this.other(expr.start);
      } else return e;
    }
  }

  private primary(): HclExpr {
    const t = this.text;
    const start = this.pos;
    const c = t[this.pos];
    if (c === undefined) {
      this.error(Math.max(0, t.length - 1), 'Value expected.');
      return { kind: 'other', text: '', start, end: start };
    }
    if (c === '"') return this.string();
    if (c === '<' && t[this.pos + 1] === '<') return this.heredoc();
    if (c === '[') return this.tuple();
    if (c === '{') return this.object();
    if (c === '(') {
      this.pos++;
      this.skip(true);
      this.expression(true);
      this.skip(true);
      if (t[this.pos] === ')') this.pos++;
      else this.error(this.pos, 'Closing parenthesis ")" expected.');
      return this.other(start);
    }
    if (c === '!' || c === '-') {
      this.pos++;
      this.skip(false);
      const operand = this.postfix(this.primary());
      if (c === '-' && operand.kind === 'number') return { kind: 'number', value: -operand.value, start, end: this.pos };
      return this.other(start);
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(t.slice(this.pos, this.pos + 64))!;
      this.pos += m[0].length;
      return { kind: 'number', value: Number(m[0]), start, end: this.pos };
    }
    const id = this.ident();
    if (!id) {
      this.error(this.pos, 'Value expected.');
      this.pos++;
      return this.other(start);
    }
    if (id.name === 'true' || id.name === 'false') return { kind: 'bool', value: id.name === 'true', start, end: this.pos };
    if (id.name === 'null') return { kind: 'null', start, end: this.pos };
    // a function call, possibly namespaced (provider::aws::arn_parse)
    while (t.startsWith('::', this.pos)) {
      this.pos += 2;
      this.ident();
    }
    if (t[this.pos] === '(') {
      const name = t.slice(start, this.pos);
      this.pos++;
      const args: HclExpr[] = [];
      for (;;) {
        this.skip(true);
        if (t[this.pos] === ')') {
          this.pos++;
          break;
        }
        if (this.pos >= t.length) {
          this.error(t.length - 1, 'Closing parenthesis ")" expected.');
          break;
        }
        args.push(this.expression(true));
        this.skip(true);
        if (t.startsWith('...', this.pos)) this.pos += 3;
        this.skip(true);
        if (t[this.pos] === ',') this.pos++;
        else if (t[this.pos] !== ')') {
          this.error(this.pos, 'Comma expected between arguments.');
          this.recoverTo(')');
        }
      }
      return { kind: 'call', name, args, start, end: this.pos };
    }
    return { kind: 'other', text: id.name, start, end: this.pos };
  }

  private recoverTo(close: string): void {
    while (this.pos < this.text.length && this.text[this.pos] !== close && this.text[this.pos] !== '\n') this.pos++;
  }

  private isForExpression(): boolean {
    const save = this.pos;
    this.skip(true);
    const id = this.ident();
    const isFor = id?.name === 'for' && /\s/.test(this.text[this.pos] ?? '');
    this.pos = save;
    return isFor;
  }

  /** `[for … ]` and `{for … }` are skipped as opaque (bracket matching, strings respected). */
  private skipBracketed(open: string, close: string): void {
    let depth = 0;
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === '"') {
        this.string();
        continue;
      }
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.pos++;
        return;
      }
      this.pos++;
    }
    this.error(t.length - 1, `Closing "${close}" expected.`);
  }

  private tuple(): HclExpr {
    const t = this.text;
    const start = this.pos;
    if (this.isForExpressionAfter(1)) {
      this.skipBracketed('[', ']');
      return this.other(start);
    }
    this.pos++;
    const items: HclExpr[] = [];
    for (;;) {
      this.skip(true);
      if (t[this.pos] === ']') {
        this.pos++;
        break;
      }
      if (this.pos >= t.length) {
        this.error(start, 'Closing bracket "]" expected.');
        break;
      }
      items.push(this.expression(true));
      this.skip(true);
      if (t[this.pos] === ',') this.pos++;
      else if (t[this.pos] !== ']') {
        this.error(this.pos, 'Comma expected between items.');
        this.recoverTo(']');
      }
    }
    return { kind: 'tuple', items, start, end: this.pos };
  }

  private isForExpressionAfter(skipChars: number): boolean {
    const save = this.pos;
    this.pos += skipChars;
    const r = this.isForExpression();
    this.pos = save;
    return r;
  }

  private object(): HclExpr {
    const t = this.text;
    const start = this.pos;
    if (this.isForExpressionAfter(1)) {
      this.skipBracketed('{', '}');
      return this.other(start);
    }
    this.pos++;
    const items: HclObjectItem[] = [];
    for (;;) {
      this.skip(true);
      if (t[this.pos] === '}') {
        this.pos++;
        break;
      }
      if (this.pos >= t.length) {
        this.error(start, 'Closing brace "}" expected.');
        break;
      }
      let key: HclKey | undefined;
      if (t[this.pos] === '"') {
        const s = this.string();
        key = { name: s.kind === 'string' ? s.value : '', start: s.start, end: s.end };
      } else if (t[this.pos] === '(') {
        const e = this.primary();
        key = { name: this.text.slice(e.start, e.end), start: e.start, end: e.end };
      } else {
        key = this.ident();
        if (key) this.postfix({ kind: 'other', text: key.name, start: key.start, end: key.end });
      }
      if (!key) {
        this.error(this.pos, 'Object key expected.');
        this.recoverTo('}');
        continue;
      }
      this.skip(false);
      if (t[this.pos] === '=' || t[this.pos] === ':') this.pos++;
      else {
        this.error(this.pos, '"=" expected after an object key.');
        this.recoverTo('}');
        continue;
      }
      this.skip(true);
      items.push({ key, value: this.expression(true) });
      this.skip(false);
      if (t[this.pos] === ',') this.pos++;
    }
    return { kind: 'object', items, start, end: this.pos };
  }

  /** A quoted template: decoded value with `${…}`/`%{…}` kept as written. */
  string(): HclExpr {
    const t = this.text;
    const start = this.pos;
    this.pos++;
    let value = '';
    let hasTemplate = false;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === '"') {
        this.pos++;
        return { kind: 'string', value, hasTemplate, start, end: this.pos };
      }
      if (c === '\n') break;
      if (c === '\\') {
        const n = t[this.pos + 1];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (n !== undefined && simple[n] !== undefined) {
          value += simple[n];
          this.pos += 2;
        } else if (n === 'u' || n === 'U') {
          const len = n === 'u' ? 4 : 8;
          const hex = t.slice(this.pos + 2, this.pos + 2 + len);
          value += /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? String.fromCodePoint(parseInt(hex, 16)) : '';
          this.pos += 2 + len;
        } else {
          this.error(this.pos, 'Invalid escape in a string.');
          this.pos += 2;
        }
        continue;
      }
      if ((c === '$' || c === '%') && t[this.pos + 1] === '{') {
        const end = this.templateEnd(this.pos + 1);
        value += t.slice(this.pos, end);
        hasTemplate = true;
        this.pos = end;
        continue;
      }
      if ((c === '$' || c === '%') && t[this.pos + 1] === c && t[this.pos + 2] === '{') {
        value += `${c}${c}{`; // escape kept: substituteTerraform turns it into a literal
        hasTemplate = true;
        this.pos += 3;
        continue;
      }
      value += c;
      this.pos++;
    }
    this.error(start, 'Unterminated string.');
    return { kind: 'string', value, hasTemplate, start, end: this.pos };
  }

  /** The offset after the `}` closing a template that opens at `open` (nested braces and strings respected). */
  private templateEnd(open: number): number {
    const t = this.text;
    let depth = 0;
    for (let i = open; i < t.length; i++) {
      const c = t[i];
      if (c === '"') {
        for (i++; i < t.length && t[i] !== '"'; i++) if (t[i] === '\\') i++;
        continue;
      }
      // HCL2 lets an interpolation span lines ("${\n  var.env\n}"); a string outside one cannot
      if (c === '\n' && depth === 0) break;
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return i + 1;
    }
    this.error(open - 1, 'Unterminated template "${".');
    return t.indexOf('\n', open) < 0 ? t.length : t.indexOf('\n', open);
  }

  private heredoc(): HclExpr {
    const t = this.text;
    const start = this.pos;
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(t.slice(this.pos, this.pos + 200));
    if (!m) {
      this.error(this.pos, 'Heredoc marker expected after "<<".');
      this.pos += 2;
      return this.other(start);
    }
    const marker = m[2]!;
    const bodyStart = this.pos + m[0].length;
    let lineStart = bodyStart;
    while (lineStart <= t.length) {
      const nl = t.indexOf('\n', lineStart);
      const lineEnd = nl < 0 ? t.length : nl;
      const line = t.slice(lineStart, lineEnd).replace(/\r$/, '');
      if (line.trim() === marker) {
        this.pos = lineStart + line.indexOf(marker) + marker.length;
        return { kind: 'heredoc', body: t.slice(bodyStart, lineStart), bodyStart, start, end: this.pos };
      }
      if (nl < 0) break;
      lineStart = nl + 1;
    }
    this.error(start, `Heredoc "${marker}" is not closed.`);
    this.pos = t.length;
    return { kind: 'heredoc', body: t.slice(bodyStart), bodyStart, start, end: this.pos };
  }
}
