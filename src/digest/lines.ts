// The one line classifier: what a single source line is (heading, day header, fence, comment, field, label).
// The scanner, the entry parser, references, the formatter and the index all ask here, so they agree.
import type { LabelStyle } from './types';

/** Heading kinds the scanner cuts at: `day` is a `## Daily Papers (…)` header, `heading` any other H1/H2. */
export type HeadingKind = 'heading' | 'day' | 'h3';

const DAY_HEADER = /^ {0,3}## +Daily Papers +\(([^()]*)\)[ \t]*(?:#+[ \t]*)?$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`+|~+)[ \t]*$/;
const COMMENT_LINE = /^[ \t]*<!--.*-->[ \t]*$/;

const withoutBom = (line: string) => (line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);

/** Matches a day header line; returns the date text and its character offset, or null. */
export function matchDayHeader(line: string): { date: string; dateStart: number } | null {
  const m = DAY_HEADER.exec(line);
  if (!m) return null;
  return { date: m[1], dateStart: line.indexOf('(') + 1 };
}

/** The heading a line is, for cutting the document into segments (H4+ are content), or null. */
export function headingKind(line: string): HeadingKind | null {
  const text = withoutBom(line);
  const c = text.charCodeAt(0);
  if (c !== 35 /* # */ && c !== 32 /* space */) return null;
  const m = ATX.exec(text);
  if (!m) return null;
  const level = m[1].length;
  if (level === 3) return 'h3';
  if (level === 2 && DAY_HEADER.test(text)) return 'day';
  return level <= 2 ? 'heading' : null;
}

/** A block whose lines are content, never structure: a code fence or a multi-line HTML comment. */
export type OpaqueBlock = { readonly kind: 'fence'; readonly marker: string; readonly length: number } | { readonly kind: 'comment' };

/** The opaque block a line opens, if any (a fence's info string may not hold a backtick after a ``` fence). */
export function opensBlock(line: string): OpaqueBlock | null {
  // The first character after spaces and TABs (no regular expression: this runs on every line). Other leading
  // whitespace opens nothing: both patterns below allow spaces only.
  let i = 0;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  const c = line.charCodeAt(i);
  if (c === 96 /* ` */ || c === 126 /* ~ */) {
    const m = FENCE_OPEN.exec(line);
    if (m && !(m[1][0] === '`' && m[2].includes('`'))) return { kind: 'fence', marker: m[1][0], length: m[1].length };
    return null;
  }
  if (c === 60 /* < */ && /^ {0,3}<!--/.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) return { kind: 'comment' };
  return null;
}

/** True when `line` ends `block`: a fence of the same character, at least as long, and nothing after it. */
export function closesBlock(block: OpaqueBlock, line: string): boolean {
  if (block.kind === 'comment') return line.includes('-->');
  const m = FENCE_CLOSE.exec(line);
  return m !== null && m[1][0] === block.marker && m[1].length >= block.length;
}

/**
 * Follows opaque blocks line by line. `step` returns the block a line belongs to (it opens, is inside, or
 * closes it), or null: a line in a block is content, never structure.
 */
export class BlockTracker {
  private block: OpaqueBlock | null = null;

  get inside(): boolean {
    return this.block !== null;
  }

  /** The block the last line left open, to go on from there later. */
  get current(): OpaqueBlock | null {
    return this.block;
  }

  /** Goes on from `block` (a state `current` gave), as if the lines that left it open had been stepped through. */
  resume(block: OpaqueBlock | null): void {
    this.block = block;
  }

  step(line: string): OpaqueBlock | null {
    const current = this.block;
    if (current) {
      if (closesBlock(current, line)) this.block = null;
      return current;
    }
    return (this.block = opensBlock(line));
  }
}

/** A whole-line HTML comment (such as a suppression comment): no content of any field or bullet. */
export function isCommentLine(line: string): boolean {
  return COMMENT_LINE.test(line);
}

/** The entry field a line starts, by its name; the value follows `nameLength` characters. */
export function fieldName(line: string): { kind: 'vote' | 'authors'; nameLength: number } | null {
  if (line.startsWith('Vote:')) return { kind: 'vote', nameLength: 5 };
  if (line.startsWith('Authors:')) return { kind: 'authors', nameLength: 8 };
  return null;
}

/** `***Label***:` and `**Label**:`; anything else that opens with stars and ends in `:` is a malformed label. */
const LABEL_BOLD_ITALIC = /^\*\*\*([^*\n]+?)\*\*\*[ \t]*:/;
const LABEL_BOLD = /^\*\*([^*\n]+?)\*\*[ \t]*:/;
const LABEL_MALFORMED = /^\*{1,3}([^*\n:]{1,80}?)(?:\*{1,3}[ \t]*:|:[ \t]*\*{1,3})/;

export interface LabelMatch {
  readonly label: string | null;
  readonly style: LabelStyle;
  /** Characters the label and its colon take at the start of the bullet's content. */
  readonly length: number;
}

/** The section label at the start of a bullet's content (after `- `). */
export function matchLabel(content: string): LabelMatch {
  const bi = LABEL_BOLD_ITALIC.exec(content);
  if (bi) return { label: bi[1].trim(), style: 'bold-italic', length: bi[0].length };
  const b = LABEL_BOLD.exec(content);
  if (b) return { label: b[1].trim(), style: 'bold', length: b[0].length };
  const bad = LABEL_MALFORMED.exec(content);
  if (bad) return { label: bad[1].trim(), style: 'malformed', length: bad[0].length };
  return { label: null, style: 'none', length: 0 };
}

/** How a label is written in `style` (bold-italic for anything but bold). */
export function labelMarkup(label: string, style: LabelStyle): string {
  const stars = style === 'bold' ? '**' : '***';
  return `${stars}${label}${stars}:`;
}

/** The style to write for a document whose majority is `style`: bold-italic when it has no labels. */
export function preferredStyle(style: LabelStyle): 'bold' | 'bold-italic' {
  return style === 'bold' ? 'bold' : 'bold-italic';
}
