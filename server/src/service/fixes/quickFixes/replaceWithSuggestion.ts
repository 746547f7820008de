// Did-you-mean and canonical-casing repairs: replace the flagged string (or key) with `data.suggestion`.
// A typo in a name grants nothing today, so accepting the suggestion changes what is granted: these are
// not "safe" for fix-all, except pure casing changes (IAM names are case-insensitive: same permissions).

import type { QuickFixProvider } from '../fixTypes';

/** Codes whose diagnostics carry `data.suggestion` for the flagged token. */
export const SUGGESTION_CODES = [
  'INVALID_ACTION',
  'INVALID_SERVICE_IN_ACTION',
  'INVALID_POLICY_ELEMENT',
  'INVALID_GLOBAL_CONDITION_KEY',
  'INVALID_SERVICE_CONDITION_KEY',
  'INVALID_CONDITION_OPERATOR',
  'NON_CANONICAL_ACTION_CASE',
  'NON_CANONICAL_CONDITION_KEY_CASE',
] as const;

export const replaceWithSuggestion: QuickFixProvider = {
  codes: SUGGESTION_CODES,
  provide(ctx, diagnostic, at) {
    if (typeof diagnostic.code !== 'string') return [];
    const data = diagnostic.data as { suggestion?: unknown; caseOnly?: unknown } | undefined;
    const suggestion = typeof data?.suggestion === 'string' ? data.suggestion : undefined;
    if (!suggestion) return [];
    const current = ctx.text.slice(at.offset, at.offset + at.length);
    // the range is a JSON string token (with quotes); anything else means the text moved under us
    if (!current.startsWith('"') || !current.endsWith('"') || current.length < 2) return [];
    let old: unknown;
    try {
      old = JSON.parse(current);
    } catch {
      return [];
    }
    if (typeof old !== 'string' || old === suggestion) return [];
    const caseOnly = old.toLowerCase() === suggestion.toLowerCase();
    return [
      {
        title: caseOnly ? `Use the documented casing "${suggestion}"` : `Change to "${suggestion}"`,
        kind: 'quickfix',
        edits: [{ offset: at.offset, length: at.length, newText: JSON.stringify(suggestion) }],
        isPreferred: true,
        safe: caseOnly && diagnostic.code.startsWith('NON_CANONICAL_'),
        repairsName: !caseOnly,
      },
    ];
  },
};
