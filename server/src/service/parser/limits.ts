// Size and nesting limits: a document over them is not analysed (one info diagnostic says why) so that a
// huge or pathological file can never make the server slow or overflow the stack of a recursive parser.
// The size is checked before any parsing. Nesting: JSON is measured by its parser on the way (jsonTree.ts);
// YAML and HCL, before parsing, by the text scan below (strings skipped, so brackets inside don't count).

export interface DocumentLimits {
  /** characters; default 2,000,000 (about 2 MB) */
  readonly maxSize: number;
  /** bracket nesting depth; real policies stay under 10, CloudFormation templates under 30 */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: DocumentLimits = { maxSize: 2_000_000, maxDepth: 100 };

/** Why a document this long must not be analysed, or undefined. */
export function sizeLimitReason(text: string, limits: DocumentLimits = DEFAULT_LIMITS): string | undefined {
  if (text.length <= limits.maxSize) return undefined;
  return `The file has ${text.length.toLocaleString('en-US')} characters, over the limit of ${limits.maxSize.toLocaleString('en-US')} (setting iamPolicy.maxFileSize): analysis was skipped.`;
}

export function depthLimitReason(limits: DocumentLimits = DEFAULT_LIMITS): string {
  return `The file nests objects and arrays more than ${limits.maxDepth} levels deep: analysis was skipped.`;
}

/** Why the brackets of a YAML or HCL text nest too deep (a text scan run before its parser), or undefined. */
export function nestingLimitReason(text: string, limits: DocumentLimits = DEFAULT_LIMITS): string | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // jump to the closing quote (indexOf is far faster than a character loop over a policy's long strings);
      // a quote preceded by an odd number of backslashes is escaped
      let close = text.indexOf('"', i + 1);
      while (close > 0 && escaped(text, close)) close = text.indexOf('"', close + 1);
      if (close < 0) break;
      i = close;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limits.maxDepth) return depthLimitReason(limits);
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return undefined;
}

function escaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; k >= 0 && text.charCodeAt(k) === 92 /* \ */; k--) backslashes++;
  return backslashes % 2 === 1;
}
