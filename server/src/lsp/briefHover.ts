// `iamPolicy.hover.detail: "brief"`: keeps a hover's title and first descriptive paragraph and drops the tables
// and examples below. Works on whatever markdown the service's hover produces (it only splits on blank lines).

import type { Hover, MarkupContent } from 'vscode-languageserver';

const TITLE = /^(#{1,6} .*|\*\*[^*\n]+\*\*|`[^`\n]+`|_[^_\n]+_)$/;

export function briefHover(hover: Hover): Hover {
  const c = hover.contents;
  if (typeof c !== 'object' || Array.isArray(c) || !('kind' in c)) return hover;
  const markup = c as MarkupContent;
  const paragraphs = markup.value.split(/\n[ \t]*\n/);
  const kept: string[] = [];
  for (const p of paragraphs) {
    kept.push(p);
    if (!TITLE.test(p.trim())) break; // stop after the first paragraph that is not just a title line
  }
  if (kept.length === paragraphs.length) return hover;
  return { ...hover, contents: { kind: markup.kind, value: kept.join('\n\n') } };
}
