// Inline Markdown through unified + remark-parse, one short piece of text at a time (never a whole document).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { Link, PhrasingContent, Root } from 'mdast';

const processor = unified().use(remarkParse);

/** Characters that can start inline markup; text without them reads the same as Markdown and as plain text. */
const MARKUP = /[\\`*_<&[\]!~]/;

/** Parses one line of inline Markdown; never throws. */
export function parseInline(markdown: string): PhrasingContent[] {
  try {
    const root = processor.parse(markdown) as Root;
    const first = root.children[0];
    return first && first.type === 'paragraph' ? first.children : [];
  } catch {
    return [{ type: 'text', value: markdown }];
  }
}

/** The plain text a reader sees for a piece of inline Markdown. */
export function inlineToPlainText(markdown: string): string {
  if (!MARKUP.test(markdown) || markdown.length > MAX_TITLE) return markdown;
  const nodes = parseInline(markdown);
  return nodes.length ? nodes.map((n) => toString(n)).join('') : markdown;
}

export interface SingleLink {
  /** The link text as written (Markdown source). */
  readonly textSource: string;
  /** Offset of `textSource` in the input. */
  readonly textStart: number;
  readonly url: string;
  /** Offset and length of the destination as written in the input. */
  readonly urlStart: number;
  readonly urlLength: number;
  readonly plainText: string;
}

/** The longest heading text handed to remark (the corpus's longest title is under 300 characters). */
const MAX_TITLE = 2000;

const SIMPLE_LINK = /^\[([^\\`*_<&[\]!~]*)\]\(([^\s()<>]*)\)$/;

/**
 * Reads text that must be exactly one Markdown link (`[text](url)`), as in an entry heading.
 * Plain titles take a fast path; titles with markup go through remark. Null when it is not one link.
 */
export function parseSingleLink(markdown: string): SingleLink | null {
  const simple = SIMPLE_LINK.exec(markdown);
  if (simple) {
    const [, text, url] = simple;
    return { textSource: text, textStart: 1, url, urlStart: text.length + 3, urlLength: url.length, plainText: text };
  }
  // Real titles are short; remark's link matching grows faster than linearly on deeply nested brackets.
  if (!markdown.startsWith('[') || !markdown.endsWith(')') || markdown.length > MAX_TITLE) return null;
  const nodes = parseInline(markdown);
  if (nodes.length !== 1 || nodes[0].type !== 'link') return null;
  const link = nodes[0] as Link;
  const open = markdown.lastIndexOf('](');
  const children = link.children;
  const textStart = children.length ? (children[0].position?.start.offset ?? 1) : 1;
  const textEnd = children.length ? (children[children.length - 1].position?.end.offset ?? open) : open;
  const destination = markdown.slice(open + 2, -1);
  const urlOffset = destination.search(/\S/);
  const rawUrl = destination.trim().replace(/^<(.*)>$/, '$1').split(/\s/)[0];
  return {
    textSource: markdown.slice(textStart, textEnd),
    textStart,
    url: link.url,
    urlStart: open + 2 + Math.max(0, urlOffset),
    urlLength: rawUrl.length,
    plainText: toString(link),
  };
}
