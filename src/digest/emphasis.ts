// Emphasis markers that a Markdown renderer shows literally: a `**` or `***` left in a bullet's text, e.g. the
// closing half of a broken label (`- ***Technical Details*: … 설명합니다.**: 3.2`).
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse);

/** Longer text is not checked: remark's emphasis matching is not linear on hostile runs of stars. */
const MAX_LENGTH = 10_000;

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Offsets of each unescaped run of two or more `*` that CommonMark leaves as text (not emphasis, not code) and that
 * has no partner: runs of the same length that pair up (`**굵게(괄호)**를`, emphasis that only CommonMark's flanking
 * rules reject) were meant as emphasis and are not stray.
 */
export function strayEmphasis(markdown: string): Span[] {
  if (!markdown.includes('**') || markdown.length > MAX_LENGTH) return [];
  const spans: Span[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'text' && node.position) {
      const start = node.position.start.offset!;
      const source = markdown.slice(start, node.position.end.offset);
      for (const m of source.matchAll(/(?<!\\)\*{2,}/g)) spans.push({ start: start + m.index, end: start + m.index + m[0].length });
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(processor.parse(markdown));
  const open = new Map<number, Span[]>();
  const unpaired = new Set<Span>();
  for (const span of spans) {
    const sameLength = open.get(span.end - span.start) ?? [];
    const partner = sameLength.pop();
    if (partner) unpaired.delete(partner);
    else {
      sameLength.push(span);
      unpaired.add(span);
    }
    open.set(span.end - span.start, sameLength);
  }
  return spans.filter((s) => unpaired.has(s));
}

/** The text without its stray emphasis markers. */
export function withoutStrayEmphasis(markdown: string): string {
  let out = markdown;
  for (const { start, end } of strayEmphasis(markdown).reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}
