// Human-readable faces of a DiffReport: grouped summaries ("+12 Write, +3 Permissions management on
// `arn:aws:s3:::prod-*`"), plain text for terminals, Markdown for pull-request comments (risky changes first, a
// collapsible section per service) and the one-line summary the editor shows. No I/O.

import type { DiffReport, ReportItem } from './report';
import { isStarResource, isWriteLike } from './report';

/** The risk-deciding access level of an item: a combined level counts under its most sensitive part. */
export function primaryLevel(level: string): string {
  for (const l of ['Permissions management', 'Write', 'Tagging', 'Read', 'List']) if (level.includes(l)) return l;
  return level || 'Unknown';
}

const LEVEL_ORDER = ['Permissions management', 'Write', 'Tagging', 'Read', 'List', 'Unknown'];

export interface ServiceGroup {
  readonly service: string;
  /** per resource pattern: counts by primary access level */
  readonly byResource: ReadonlyArray<{ readonly resource: string; readonly counts: ReadonlyArray<readonly [string, number]>; readonly items: readonly ReportItem[] }>;
  readonly items: readonly ReportItem[];
  readonly risk: number;
}

export function risk(i: ReportItem): number {
  const level = primaryLevel(i.accessLevel);
  let r = level === 'Permissions management' ? 40 : level === 'Write' ? 20 : level === 'Tagging' ? 10 : level === 'Read' ? 5 : 1;
  if (isStarResource(i.resource) && isWriteLike(i.accessLevel)) r += 15;
  if (i.principal === '*') r += 30;
  if (i.kind === 'condition-loosened' || i.kind === 'deny-removed') r += 10;
  return r;
}

export function isRisky(i: ReportItem): boolean {
  if (!i.fitsResourceType) return false;
  return primaryLevel(i.accessLevel) === 'Permissions management' || (isStarResource(i.resource) && isWriteLike(i.accessLevel)) || i.principal === '*';
}

export function groupByService(items: readonly ReportItem[]): ServiceGroup[] {
  const services = new Map<string, ReportItem[]>();
  for (const i of items) {
    const s = i.action.slice(0, i.action.indexOf(':')).toLowerCase();
    const list = services.get(s);
    if (list) list.push(i);
    else services.set(s, [i]);
  }
  const out: ServiceGroup[] = [];
  for (const [service, list] of services) {
    const byRes = new Map<string, ReportItem[]>();
    for (const i of list) {
      const key = i.resource + (i.principal ? ` for ${i.principal}` : '');
      const l = byRes.get(key);
      if (l) l.push(i);
      else byRes.set(key, [i]);
    }
    const byResource = [...byRes.entries()].map(([resource, its]) => {
      const counts = new Map<string, number>();
      for (const i of its) counts.set(primaryLevel(i.accessLevel), (counts.get(primaryLevel(i.accessLevel)) ?? 0) + 1);
      return { resource, items: its, counts: [...counts.entries()].sort((a, b) => LEVEL_ORDER.indexOf(a[0]) - LEVEL_ORDER.indexOf(b[0])) };
    });
    out.push({ service, byResource, items: list, risk: Math.max(...list.map(risk)) });
  }
  return out.sort((a, b) => b.risk - a.risk || (a.service < b.service ? -1 : 1));
}

/** "+12 Write, +3 Permissions management on `arn:aws:s3:::prod-*`" */
export function countsLine(sign: '+' | '-', counts: ReadonlyArray<readonly [string, number]>, resource: string, code = (s: string) => `\`${s}\``): string {
  return `${counts.map(([l, n]) => `${sign}${n} ${l}`).join(', ')} on ${code(resource)}`;
}

/** One line for the editor (CodeLens / status): "+117 actions (96 Write…), -3; 1 condition removed". */
export function oneLineSummary(report: Pick<DiffReport, 'effectiveChange' | 'gained' | 'lost' | 'conditionsRemoved' | 'principalsGained'>): string {
  if (!report.effectiveChange) return 'Permissions: no effective change';
  const parts: string[] = [];
  if (report.gained.length) {
    const levels = new Map<string, number>();
    for (const i of report.gained) levels.set(primaryLevel(i.accessLevel), (levels.get(primaryLevel(i.accessLevel)) ?? 0) + 1);
    const top = [...levels.entries()].sort((a, b) => LEVEL_ORDER.indexOf(a[0]) - LEVEL_ORDER.indexOf(b[0])).map(([l, n]) => `${n} ${l}`).join(', ');
    parts.push(`+${report.gained.length} gained (${top})`);
  }
  if (report.lost.length) parts.push(`-${report.lost.length} lost`);
  if (report.conditionsRemoved.length) parts.push(`${report.conditionsRemoved.length} condition${report.conditionsRemoved.length === 1 ? '' : 's'} removed/loosened`);
  if (report.principalsGained.length) parts.push(`new principal${report.principalsGained.length === 1 ? '' : 's'}: ${report.principalsGained.map((p) => p.principal).join(', ')}`);
  return `Permissions: ${parts.join('; ')}`;
}

function stmtLabel(s: { statement: number; sid?: string }): string {
  return `statement ${s.statement}${s.sid ? ` "${s.sid}"` : ''}`;
}

function where(i: { file: string; policy?: string }): string {
  return i.policy ? `${i.file} (${i.policy})` : i.file;
}

function contextText(ctx: Record<string, string | string[]>): string {
  const e = Object.entries(ctx);
  return e.length ? ` with ${e.map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(', ')}]` : v}`).join(', ')}` : '';
}

function witnessText(i: ReportItem): string {
  return `${i.witness.action} on ${i.witness.resource}${i.witness.principal ? ` by ${i.witness.principal}` : ''}${contextText(i.witness.context)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Text

export function formatText(report: DiffReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.problems?.length) for (const p of f.problems) lines.push(`${f.path}: note: ${p}`);
    const changed = f.policies.filter((p) => p.gained + p.lost > 0);
    lines.push(`${f.path}: ${changed.length ? `effective change (${f.status})` : f.policies.length ? 'no effective change' : 'no IAM policy'}`);
  }
  if (!report.effectiveChange) return `${lines.join('\n')}\n`;
  for (const [title, items, sign] of [['Gained', report.gained, '+'], ['Lost', report.lost, '-']] as const) {
    if (!items.length) continue;
    lines.push('', `${title} (${items.length} action${items.length === 1 ? '' : 's'}):`);
    for (const g of groupByService(items)) {
      for (const r of g.byResource) {
        const st = r.items[0]!.statements.new[0];
        lines.push(`  ${g.service}: ${countsLine(sign, r.counts, r.resource, (s) => s)}${st ? `  [${where(r.items[0]!)} ${stmtLabel(st)}]` : ''}`);
        for (const i of r.items) lines.push(`    ${sign} ${i.action} (${i.accessLevel}${i.fitsResourceType ? '' : '; no resource of its types matches this pattern'})${Object.keys(i.conditions).length ? ` if ${JSON.stringify(i.conditions)}` : ''}${sign === '+' ? `  e.g. ${witnessText(i)}` : ''}`);
      }
    }
  }
  if (report.conditionsRemoved.length) {
    lines.push('', 'Conditions removed or loosened:');
    for (const c of report.conditionsRemoved) lines.push(`  ${where(c)} ${stmtLabel(c)}: ${c.operator} ${c.key} (${c.change}${c.effect === 'Deny' ? ', on a Deny that no longer applies' : ''})`);
  }
  if (report.principalsGained.length) {
    lines.push('', 'Principals gained:');
    for (const p of report.principalsGained) lines.push(`  ${where(p)}: ${p.principal} (${p.actions.length} action${p.actions.length === 1 ? '' : 's'})`);
  }
  if (report.principalsLost.length) {
    lines.push('', 'Principals lost:');
    for (const p of report.principalsLost) lines.push(`  ${where(p)}: ${p.principal}`);
  }
  if (report.resourcesWidened.length) {
    lines.push('', 'Resources widened:');
    for (const r of report.resourcesWidened) lines.push(`  ${where(r)}: ${r.old.join(', ') || '(none)'} -> ${r.new.join(', ')} (${r.actions.length} action${r.actions.length === 1 ? '' : 's'})`);
  }
  if (report.resourcesNarrowed.length) {
    lines.push('', 'Resources narrowed:');
    for (const r of report.resourcesNarrowed) lines.push(`  ${where(r)}: ${r.old.join(', ')} -> ${r.new.join(', ') || '(none)'} (${r.actions.length} action${r.actions.length === 1 ? '' : 's'})`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Markdown (pull-request comments)

const md = (s: string): string => s.replace(/[|]/g, '\\|');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rows per service table: a pull-request comment holds at most 65,536 characters. */
const MAX_ROWS = 40;

export function formatMarkdown(report: DiffReport, title = 'IAM permission diff'): string {
  const out: string[] = [`### ${title}`, ''];
  if (!report.effectiveChange) {
    out.push(`**No effective change** in ${report.files.length} file${report.files.length === 1 ? '' : 's'}: ${report.files.map((f) => code(f.path)).join(', ')}.`, '');
    return out.join('\n');
  }
  const risky = report.gained.filter(isRisky);
  out.push(`**${report.gained.length} action${report.gained.length === 1 ? '' : 's'} gained, ${report.lost.length} lost** in ${report.files.filter((f) => f.policies.some((p) => p.gained + p.lost > 0)).map((f) => code(f.path)).join(', ')}.`, '');
  const alerts: string[] = [];
  for (const g of groupByService(risky)) for (const r of g.byResource) alerts.push(`- ⚠️ ${code(g.service)} ${countsLine('+', r.counts, r.resource)} (${where(r.items[0]!)}, ${stmtLabel(r.items[0]!.statements.new[0] ?? { statement: 0 })})`);
  for (const c of report.conditionsRemoved) alerts.push(`- ⚠️ Condition ${c.change}: ${code(`${c.operator} ${c.key}`)} (${where(c)}, ${stmtLabel(c)}${c.effect === 'Deny' ? ', a Deny that no longer applies' : ''})`);
  for (const p of report.principalsGained) alerts.push(`- ⚠️ New principal ${code(p.principal)} (${where(p)}, ${p.actions.length} action${p.actions.length === 1 ? '' : 's'})`);
  if (alerts.length) out.push('#### Risky changes', '', ...alerts, '');
  for (const [heading, items, sign] of [['Gained', report.gained, '+'], ['Lost', report.lost, '-']] as const) {
    if (!items.length) continue;
    out.push(`#### ${heading}`, '');
    for (const g of groupByService(items)) {
      const summary = g.byResource.map((r) => countsLine(sign, r.counts, r.resource, (s) => `<code>${html(s)}</code>`)).join('; ');
      out.push(`<details><summary><b>${html(g.service)}</b>: ${summary}</summary>`, '');
      out.push(`| Action | Access level | Resource | Conditions | ${sign === '+' ? 'Witness (old denies, new allows)' : 'Statement'} |`, '|---|---|---|---|---|');
      for (const i of g.items.slice(0, MAX_ROWS)) {
        const cond = Object.keys(i.conditions).length ? code(JSON.stringify(i.conditions)) : '';
        const last = sign === '+' ? code(witnessText(i)) : stmtLabel(i.statements.old[0] ?? { statement: 0 });
        out.push(`| ${code(i.action)}${i.fitsResourceType ? '' : ' ¹'} | ${i.accessLevel} | ${md(code(i.resource))} | ${md(cond)} | ${md(last)} |`);
      }
      if (g.items.length > MAX_ROWS) out.push(`| … ${g.items.length - MAX_ROWS} more | | | | (all of them: \`--format json\`) |`);
      if (g.items.some((i) => !i.fitsResourceType)) out.push('', '¹ no resource of the action\'s types matches this pattern: the grant is in the policy but no real request uses it.');
      out.push('', '</details>', '');
    }
  }
  if (report.resourcesWidened.length || report.resourcesNarrowed.length) {
    out.push('#### Resources', '');
    for (const r of report.resourcesWidened) out.push(`- widened: ${r.old.map(code).join(', ') || '(none)'} → ${r.new.map(code).join(', ')} for ${r.actions.length} action${r.actions.length === 1 ? '' : 's'} (${where(r)})`);
    for (const r of report.resourcesNarrowed) out.push(`- narrowed: ${r.old.map(code).join(', ')} → ${r.new.map(code).join(', ') || '(none)'} for ${r.actions.length} action${r.actions.length === 1 ? '' : 's'} (${where(r)})`);
    out.push('');
  }
  if (report.principalsLost.length) out.push('#### Principals lost', '', ...report.principalsLost.map((p) => `- ${code(p.principal)} (${where(p)})`), '');
  out.push(`<sub>Every gained item was confirmed by the evaluation engine on its witness request. Wildcards are expanded with the IAM catalog.</sub>`, '');
  return out.join('\n');
}
