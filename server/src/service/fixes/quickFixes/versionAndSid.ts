// Repairs of the policy header and Sids: add or update Version, make duplicate Sids unique. A Version
// change is permission-neutral only when the policy has no `${...}` (2008-10-17 treats it as literal text).

import { parseTree } from 'jsonc-parser';
import { locate, type QuickFixProvider } from '../fixTypes';
import { prependProperty } from '../jsonEdits';

const CURRENT_VERSION = '2012-10-17';

export const versionFixes: QuickFixProvider = {
  codes: ['MISSING_VERSION', 'OLD_VERSION', 'INVALID_VERSION'],
  provide(ctx, diagnostic, at) {
    const where = locate(ctx.parsed, at.offset);
    if (!where) return [];
    const policy = where.policy;
    const policyText = ctx.text.slice(policy.root.offset, policy.root.offset + policy.root.length);
    const neutral = !policyText.includes('${');
    if (diagnostic.code === 'MISSING_VERSION') {
      if (policy.get('Version')) return [];
      return [{ title: `Add "Version": "${CURRENT_VERSION}"`, kind: 'quickfix', edits: [prependProperty(ctx.text, policy.root, 'Version', CURRENT_VERSION)], safe: neutral, isPreferred: true }];
    }
    const v = policy.version;
    if (!v || v.span.offset !== at.offset || v.value === CURRENT_VERSION) return [];
    return [
      {
        title: `Change Version to "${CURRENT_VERSION}"`,
        kind: 'quickfix',
        edits: [{ offset: v.span.offset, length: v.span.length, newText: JSON.stringify(CURRENT_VERSION) }],
        // an invalid Version makes the whole policy invalid: fixing it is a repair, not a neutral change
        safe: neutral && diagnostic.code === 'OLD_VERSION',
        repairsName: diagnostic.code === 'INVALID_VERSION',
        isPreferred: true,
      },
    ];
  },
};

export const duplicateSidFix: QuickFixProvider = {
  codes: ['DUPLICATE_SID'],
  provide(ctx, _diagnostic, at) {
    const where = locate(ctx.parsed, at.offset);
    const sid = where?.statement?.sid;
    if (!where || !sid || sid.span.offset !== at.offset) return [];
    const taken = new Set(where.policy.statements.map((s) => s.sid?.value));
    let n = 2;
    const base = sid.value.replace(/\d+$/, '') || 'Statement';
    while (taken.has(`${base}${n}`)) n++;
    const renamed = `${base}${n}`;
    // validate our own output: the new token must parse back to the new Sid
    if (parseTree(JSON.stringify(renamed))?.value !== renamed) return [];
    return [{ title: `Rename Sid to "${renamed}"`, kind: 'quickfix', edits: [{ offset: sid.span.offset, length: sid.span.length, newText: JSON.stringify(renamed) }], safe: true, isPreferred: true }];
  },
};
