// Did-you-mean and canonical-form repairs for any diagnostic whose `data.suggestion` names the right text
// for the flagged JSON string. Only permission-neutral replacements (casing of case-insensitive names, Sid
// characters) are "safe" for fix-all; the rest repair a name that grants nothing today into what was meant.

import { findNodeAtOffset } from 'jsonc-parser';
import { locate, type FixContext, type QuickFixProvider } from '../fixTypes';
import { properties, propertyKey } from '../../parser/jsonTree';

/**
 * The string a scalar token stands for: a JSON/YAML double-quoted string, a YAML single-quoted one, or a
 * plain YAML scalar. Anything else (the text moved under us, a number, structure) gives undefined.
 */
function scalarTokenValue(token: string): string | undefined {
  if (token.length >= 2 && token.startsWith('"') && token.endsWith('"')) {
    try {
      const v: unknown = JSON.parse(token);
      return typeof v === 'string' ? v : undefined;
    } catch {
      return undefined;
    }
  }
  if (token.length >= 2 && token.startsWith("'") && token.endsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
  return token.length > 0 && /^[^\s"'{}[\],#&*!|>%@`][^\n#]*$/.test(token) && !/\s$/.test(token) ? token : undefined;
}

/** Renaming a property key to a name its object already has would create a duplicate key: refuse. */
function wouldDuplicateKey(ctx: FixContext, offset: number, newKey: string): boolean {
  const policy = locate(ctx.parsed, offset)?.policy;
  const node = policy ? findNodeAtOffset(policy.root, offset + 1) : undefined;
  const property = node?.parent;
  if (!node || property?.type !== 'property' || property.children?.[0] !== node || property.parent?.type !== 'object') return false;
  return properties(property.parent).some((p) => p !== property && propertyKey(p) === newKey);
}

/** Codes whose suggestion never changes what the policy grants (IAM compares these names case-insensitively, or the Sid has no effect). */
export const PERMISSION_NEUTRAL_SUGGESTIONS: ReadonlySet<string> = new Set([
  'NON_CANONICAL_ACTION_CASE',
  'NON_CANONICAL_CONDITION_KEY_CASE',
  'UNSUPPORTED_SID',
]);

export const replaceWithSuggestion: QuickFixProvider = {
  codes: ['*'],
  provide(ctx, diagnostic, at) {
    if (typeof diagnostic.code !== 'string') return [];
    const data = diagnostic.data as { suggestion?: unknown; canonical?: unknown } | undefined;
    // rules name the replacement `suggestion` (did-you-mean) or `canonical` (documented casing)
    const suggestion = typeof data?.suggestion === 'string' ? data.suggestion : typeof data?.canonical === 'string' ? data.canonical : undefined;
    if (suggestion === undefined) return [];
    const old = scalarTokenValue(ctx.text.slice(at.offset, at.offset + at.length));
    if (typeof old !== 'string' || old === suggestion) return [];
    if (wouldDuplicateKey(ctx, at.offset, suggestion)) return [];
    const neutral = PERMISSION_NEUTRAL_SUGGESTIONS.has(diagnostic.code);
    return [
      {
        title: `Change to "${suggestion}"`,
        kind: 'quickfix',
        edits: [{ offset: at.offset, length: at.length, newText: JSON.stringify(suggestion) }],
        isPreferred: true,
        safe: neutral,
        repairsName: !neutral,
      },
    ];
  },
};
