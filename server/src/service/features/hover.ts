// Hover: markdown explaining the action, wildcard, condition key or operator, ARN, principal, policy variable
// or element under the cursor, with the hovered token's range. Finds the target with parser/cursorContext and
// delegates the wording to features/hover/*.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './featureContext';
import type { ConditionKeyInfo } from '../knowledge/catalog';
import { getCursorContext, isPolicyLike, type CursorContext } from '../parser/cursorContext';
import { actionHover } from './hover/actionHover';
import { arnHover } from './hover/arnHover';
import { conditionKeyHover, operatorHover } from './hover/conditionHover';
import { effectValueHover, elementHover, principalKeyHover, versionValueHover } from './hover/elementHover';
import { principalValueHover } from './hover/principalHover';
import { variableAtIndex, variableHover } from './hover/variableHover';
import { formatAccessSummaryMarkdown, summarizeStatement } from './accessSummary';
import { statementScopeMarkdown } from './hover/statementScope';
import { samTemplateHover } from './hover/samTemplateHover';

export function doHover(ctx: FeatureContext, doc: TextDocument, position: Position): Hover | null {
  if (!isPolicyLike(ctx.parsed)) return null;
  const offset = doc.offsetAt(position);
  // a SAM policy template's entry: its text is the template, not a policy, so the hover is the expansion
  const generated = ctx.parsed.policies.find((p) => p.generated !== undefined && offset >= p.span.offset && offset <= p.span.offset + p.span.length);
  const sam = generated ? samTemplateHover(generated) : undefined;
  if (sam && generated) return { contents: { kind: MarkupKind.Markdown, value: sam }, range: { start: doc.positionAt(generated.span.offset), end: doc.positionAt(generated.span.offset + generated.span.length) } };
  const cur = getCursorContext(ctx.parsed, offset, 'hover');
  const token = cur.token;
  if (!token) return null;
  const result = hoverMarkdown(ctx, cur);
  if (!result) return null;
  const start = result.span?.start ?? token.start;
  const end = result.span?.end ?? token.end;
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: { start: doc.positionAt(start), end: doc.positionAt(end) } };
}

interface HoverResult {
  readonly markdown: string;
  /** a narrower range than the token (a policy variable inside a string) */
  readonly span?: { start: number; end: number };
}

function hoverMarkdown(ctx: FeatureContext, cur: CursorContext): HoverResult | undefined {
  const token = cur.token!;
  const value = token.text;
  const md = (markdown: string | undefined): HoverResult | undefined => (markdown ? { markdown } : undefined);
  switch (cur.target) {
    case 'topLevelKey':
      return md(elementHover(value));
    case 'statementKey':
      if ((value === 'Effect' || value === 'Sid') && cur.statement) return md(withSummary(ctx, cur, elementHover(value)));
      return md(elementHover(value));
    case 'sid':
      return cur.statement ? md(withSummary(ctx, cur, undefined)) : undefined;
    case 'effect':
      return md(cur.statement ? withSummary(ctx, cur, effectValueHover(value)) : effectValueHover(value));
    case 'version':
      return md(versionValueHover(value));
    case 'action': {
      const colon = value.indexOf(':');
      return md(actionHover(ctx.catalog, value, { onServicePart: colon >= 0 && cur.offset >= token.contentStart && cur.offset - token.contentStart < colon }));
    }
    case 'resource':
      return variableResult(ctx, cur) ?? md(arnHover(ctx.catalog, value));
    case 'principalKey':
      return md(principalKeyHover(value));
    case 'principalValue':
      return md(principalValueHover(cur.principalType, value));
    case 'conditionOperator': {
      const block = cur.statement?.condition?.operators.find((o) => o.operator.span.offset === token.start);
      const keys = (block?.entries ?? []).map((e) => ctx.catalog.getConditionKey(e.key.value)).filter((k): k is ConditionKeyInfo => k !== undefined);
      return md(operatorHover(value, keys));
    }
    case 'conditionKey':
      return md(conditionKeyHover(ctx.catalog, value, cur.statement));
    case 'conditionValue':
      return variableResult(ctx, cur);
    default:
      return undefined;
  }
}

function variableResult(ctx: FeatureContext, cur: CursorContext): HoverResult | undefined {
  const token = cur.token!;
  if (!token.isString) return undefined;
  const v = variableAtIndex(token.text, cur.offset - token.contentStart);
  if (!v) return undefined;
  return { markdown: variableHover(ctx.catalog, v), span: { start: token.contentStart + v.start, end: token.contentStart + v.end } };
}

function withSummary(ctx: FeatureContext, cur: CursorContext, head: string | undefined): string {
  const summary = `${formatAccessSummaryMarkdown(summarizeStatement(ctx.catalog, cur.statement!))}\n\n${statementScopeMarkdown(cur.statement!)}`;
  return head ? `${head}\n\n---\n\n${summary}` : summary;
}
