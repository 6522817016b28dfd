// Finds arXiv references in digest text (title links, arXiv/HF URLs, thumbnails, `arXiv:ID`, bare IDs): for hovers and links.
import { isValidArxivId } from './arxiv';
import { BlockTracker, type OpaqueBlock } from './lines';
import { entryAtLine } from './outline';
import { entryEndLine, entryLineStart, entryLinesEnd, entryStartLine, movedBy, originalEntry, shiftRange } from './shift';
import { linesOf, position } from './text';
import type { DigestDocument, DigestEntry, Range } from './types';

/**
 * How a reference is written: `link` a Markdown link to an arXiv URL, `url` an arXiv or Hugging Face paper URL,
 * `thumbnail` a Hugging Face thumbnail URL, `prefixed` `arXiv:ID`, `bare` a new-style ID in running text.
 */
export type ArxivReferenceKind = 'link' | 'url' | 'thumbnail' | 'prefixed' | 'bare';

export interface ArxivReference {
  /** The ID as written (with any `vN`). */
  readonly id: string;
  readonly kind: ArxivReferenceKind;
  /** Character span in the line, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** True inside an inline code span: hoverable, but not made a link. */
  readonly inCode: boolean;
}

const NEW_ID = String.raw`\d{4}\.\d{4,5}(?:v\d+)?`;
const OLD_ID = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?`;
const ANY_ID = `(?:${NEW_ID}|${OLD_ID})`;
const ARXIV_URL = String.raw`(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(${ANY_ID})(?:\.pdf)?`;
const HF_URL = String.raw`(?:https?:\/\/)?huggingface\.co\/papers\/(${NEW_ID})`;
const THUMBNAIL_URL = String.raw`(?:https?:\/\/)?cdn-thumbnails\.huggingface\.co\/social-thumbnails\/papers\/(${NEW_ID})\.png`;

// Patterns in priority order: when two overlap, the earlier-starting, then the longer, wins.
const PATTERNS: readonly { kind: ArxivReferenceKind; re: RegExp }[] = [
  // A link's text may hold one level of brackets (`GPT-[n]`); its destination is an arXiv URL.
  { kind: 'link', re: new RegExp(String.raw`!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*<?${ARXIV_URL}(?:[#?][^\s)>]*)?>?(?:\s+"[^"]*")?\s*\)`, 'gi') },
  { kind: 'thumbnail', re: new RegExp(THUMBNAIL_URL, 'gi') },
  { kind: 'url', re: new RegExp(`${ARXIV_URL}|${HF_URL}`, 'gi') },
  { kind: 'prefixed', re: new RegExp(String.raw`\barXiv: ?(${ANY_ID})(?![\w\/]|\.\d)`, 'gi') },
  // Not glued to other digits, words, paths or version-like numbers; Hangul right after is fine (`2501.17161에서`).
  { kind: 'bare', re: new RegExp(String.raw`(?<![\w.\/:=#-])(${NEW_ID})(?![\w\/]|\.\d)`, 'g') },
];

/**
 * Spans that are already links or code: URLs (any host), `<autolinks>`, Markdown links and code spans. A link's text
 * stops at the next `[` and its target at the next `(`, so a line of unclosed brackets costs linear time, not quadratic.
 */
const OPAQUE = /`+[^`]*`+|<[a-z][a-z0-9+.-]*:[^\s<>]*>|!?\[[^[\]\n]*\]\([^()\n]*\)|\b(?:https?|ftp):\/\/[^\s<>]+|\bwww\.[^\s<>]+/gi;

interface Span {
  readonly start: number;
  readonly end: number;
  readonly code: boolean;
}

function opaqueSpans(line: string): Span[] {
  return [...line.matchAll(OPAQUE)].map((m) => ({ start: m.index, end: m.index + m[0].length, code: m[0].startsWith('`') }));
}

/** A cheap pre-check: a line without a digit-dot-digit run or a paper host names no arXiv paper. */
const MAY_HAVE_ID = /\d{4}\.\d|\/\d{7}/;

/** Every arXiv reference in one line, in order, not overlapping. */
export function findArxivReferences(line: string): ArxivReference[] {
  if (!MAY_HAVE_ID.test(line)) return [];
  const candidates: (ArxivReference & { rank: number })[] = [];
  PATTERNS.forEach(({ kind, re }, rank) => {
    for (const m of line.matchAll(re)) {
      const id = m.slice(1).find((g) => g !== undefined);
      if (!id || !isValidArxivId(id)) continue;
      candidates.push({ id, kind, start: m.index, end: m.index + m[0].length, inCode: false, rank });
    }
  });
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  const spans = opaqueSpans(line);
  const taken: ArxivReference[] = [];
  for (const c of candidates) {
    if (taken.length && c.start < taken[taken.length - 1].end) continue;
    const inside = spans.find((s) => c.start >= s.start && c.end <= s.end);
    // An ID inside some other URL or link (`github.com/x/2501.17161`) is part of that, not a reference of its own.
    if (inside && !inside.code && (c.kind === 'bare' || c.kind === 'prefixed')) continue;
    taken.push({ id: c.id, kind: c.kind, start: c.start, end: c.end, inCode: inside?.code ?? false });
  }
  return taken;
}

/** The reference under `character` (the character the pointer is on), if any. */
export function referenceAtCharacter(line: string, character: number): ArxivReference | undefined {
  return findArxivReferences(line).find((r) => r.start <= character && character < r.end);
}

export type ReferenceTargetKind = 'title' | 'media' | ArxivReferenceKind;

export interface ReferenceTarget {
  /** The arXiv ID as written. */
  readonly id: string;
  readonly kind: ReferenceTargetKind;
  readonly range: Range;
  /** The entry this reference is the heading or thumbnail of; undefined for references in running text. */
  readonly entry: DigestEntry | undefined;
}

/** One line of the document: its text, 0-based number, and the offset where it starts. */
export interface LineInfo {
  readonly text: string;
  readonly line: number;
  readonly start: number;
}

/**
 * The arXiv reference at a position: an entry's heading or media line stands for the entry's paper;
 * anywhere else, the reference written under the pointer.
 */
export function referenceAt(doc: DigestDocument, line: LineInfo, character: number): ReferenceTarget | undefined {
  const entry = entryAtLine(doc, line.line);
  if (entry?.arxivId && isValidArxivId(entry.arxivId)) {
    if (entry.headingRange.start.line === line.line) return { id: entry.arxivId, kind: 'title', range: entry.headingRange, entry };
    const media = entry.media.find((m) => m.range.start.line <= line.line && line.line <= m.range.end.line);
    if (media) return { id: entry.arxivId, kind: 'media', range: media.range, entry };
  }
  const ref = referenceAtCharacter(line.text, character);
  if (!ref) return undefined;
  const range = { start: position(line.line, ref.start, line.start), end: position(line.line, ref.end, line.start) };
  return { id: ref.id, kind: ref.kind, range, entry: undefined };
}

export interface LinkableId {
  readonly id: string;
  readonly range: Range;
}

/**
 * `arXiv:ID` and bare IDs that are not links yet (outside URLs, Markdown links, code spans, fences and comments),
 * for a document link provider.
 */
export function findLinkableIds(text: string): LinkableId[] {
  const found: LinkableId[] = [];
  scanLinkableIds(text, 0, text.length, 0, new BlockTracker(), found);
  return found;
}

function scanLinkableIds(text: string, from: number, to: number, firstLine: number, blocks: BlockTracker, found: LinkableId[]): void {
  for (const l of linesOf(text, from, to, firstLine)) {
    if (blocks.step(l.text)) continue;
    for (const r of findArxivReferences(l.text)) {
      if ((r.kind === 'bare' || r.kind === 'prefixed') && !r.inCode) {
        found.push({ id: r.id, range: { start: position(l.line, r.start, l.start), end: position(l.line, r.end, l.start) } });
      }
    }
  }
}

/** Per entry as parsed: its linkable IDs and the block its last line leaves open (found from outside any block). */
const linksByEntry = new WeakMap<DigestEntry, { readonly lines: number; readonly offset: number; readonly links: readonly LinkableId[]; readonly end: OpaqueBlock | null }>();

/** findLinkableIds of a parsed document, reusing what untouched entries held (a keystroke scans one entry). */
export function linkableIdsOf(doc: DigestDocument): LinkableId[] {
  const text = doc.text;
  const found: LinkableId[] = [];
  const blocks = new BlockTracker();
  let at = 0;
  let line = 0;
  for (const entry of doc.entries) {
    const from = entryLineStart(entry);
    const to = entryLinesEnd(text, entry);
    scanLinkableIds(text, at, from, line, blocks, found);
    const original = originalEntry(entry);
    const moved = movedBy(entry);
    // Entries start outside code blocks and comments; should one not, it is scanned, not cached.
    const hit = blocks.inside ? undefined : linksByEntry.get(original);
    if (hit) {
      const dl = moved.lines - hit.lines;
      const dOff = moved.offset - hit.offset;
      for (const l of hit.links) found.push(dl === 0 && dOff === 0 ? l : { id: l.id, range: shiftRange(l.range, dl, dOff) });
      blocks.resume(hit.end);
    } else {
      const cacheable = !blocks.inside;
      const links: LinkableId[] = [];
      scanLinkableIds(text, from, to, entryStartLine(entry), blocks, links);
      if (cacheable) linksByEntry.set(original, { lines: moved.lines, offset: moved.offset, links, end: blocks.current });
      for (const l of links) found.push(l);
    }
    at = to;
    line = entryEndLine(entry) + 1;
  }
  scanLinkableIds(text, at, text.length, line, blocks, found);
  return found;
}
