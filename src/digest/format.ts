// The digest formatter: the canonical layout of the document's own era, changing layout only —
// never a title, an ID, a number or a summary's words.
import { BlockTracker, isCommentLine, labelMarkup, type OpaqueBlock } from './lines';
import { lineBreakOf } from './document';
import { EntrySum } from './entrySums';
import { detectStyle } from './style';
import { entryEndOffset, entryLineStart, originalEntry } from './shift';
import { isWhitespace, linesOf, trimEndBlanks } from './text';
import type { DigestDocument, DigestEntry, LabelStyle, Position, Range } from './types';

export interface FormatOptions {
  /** Label style to write; default: the document's majority. */
  readonly labelStyle?: 'bold' | 'bold-italic';
}

interface Block {
  /** Source lines of the block (without line breaks). */
  readonly lines: string[];
  readonly kind: 'heading' | 'field' | 'bullet' | 'comment' | 'other';
  /** A blank line came before the block in the source. */
  readonly blankBefore: boolean;
}

/** What the formatter decides once for the whole document. */
export interface FormatParams {
  readonly style: 'bold' | 'bold-italic';
  /** Most entries put their first field right under the heading (the oldest digests do). */
  readonly compact: boolean;
  readonly eol: string;
}

/** Per entry as parsed: whether its first field sits right under its heading (a distance edits elsewhere keep). */
const compactByEntry = new WeakMap<DigestEntry, boolean | null>();

function isCompactEntry(entry: DigestEntry): boolean | null {
  const original = originalEntry(entry);
  let compact = compactByEntry.get(original);
  if (compact === undefined) {
    const first = original.fields[0];
    compact = first ? first.range.start.line - original.headingRange.start.line <= 1 : null;
    compactByEntry.set(original, compact);
  }
  return compact;
}

const COMPACT = { compact: 1, spaced: 0 };
const SPACED = { compact: 0, spaced: 1 };
const NEITHER = { compact: 0, spaced: 0 };
/** How many entries are compact and how many spaced, kept from version to version. */
const compactness = new EntrySum(['compact', 'spaced'], (entry) => {
  const compact = isCompactEntry(entry);
  return compact === null ? NEITHER : compact ? COMPACT : SPACED;
});

export function formatParams(doc: DigestDocument, options: FormatOptions = {}): FormatParams {
  const majority: LabelStyle = options.labelStyle ?? detectStyle(doc).labelStyle;
  const { compact, spaced } = compactness.of(doc);
  return { style: majority === 'bold' ? 'bold' : 'bold-italic', compact: compact > spaced, eol: lineBreakOf(doc) };
}

function relabel(line: string, entry: DigestEntry, lineNo: number, style: 'bold' | 'bold-italic'): string {
  const section = entry.sections.find((s) => s.range.start.line === lineNo);
  if (!section?.labelRange || !section.label || section.labelStyle === 'none') return line;
  const { start, end } = section.labelRange;
  return line.slice(0, start.character) + labelMarkup(section.label, style) + line.slice(end.character);
}

/** Where the line holding a position starts (no search: a position knows its column). */
const lineStartOf = (p: Position) => p.offset - p.character;
/** The offset after the line break that ends the line holding `offset`. */
const nextLineStart = (text: string, offset: number) => {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
};

function entryBlocks(doc: DigestDocument, entry: DigestEntry, style: 'bold' | 'bold-italic'): Block[] {
  const inRange = (r: Range, line: number) => r.start.line <= line && line <= r.end.line;
  const blocks: Block[] = [];
  let current: Block | null = null;
  let blankBefore = false;
  const from = lineStartOf(entry.range.start);
  for (const source of linesOf(doc.text, from, nextLineStart(doc.text, entry.range.end.offset), entry.range.start.line)) {
    const line = source.line;
    let text = trimEndBlanks(source.text);
    const section = entry.sections.find((s) => inRange(s.range, line));
    const isSectionStart = section?.range.start.line === line;
    if (text === '') {
      // Blank lines separate blocks; inside a bullet they are kept (a loose paragraph of the same bullet).
      if (current?.kind === 'bullet' && section && !isSectionStart && line < section.range.end.line) current.lines.push('');
      else current = null;
      blankBefore = true;
      continue;
    }
    if (line === entry.headingRange.start.line) {
      blocks.push((current = { kind: 'heading', lines: [text], blankBefore }));
    } else if (section) {
      if (isSectionStart) {
        text = relabel(text, entry, line, style);
        blocks.push((current = { kind: 'bullet', lines: [text], blankBefore }));
      } else current!.lines.push(text);
      blankBefore = false;
    } else {
      const field = entry.fields.find((f) => f.kind !== 'summary' && inRange(f.range, line));
      if (field && field.range.start.line !== line && current) current.lines.push(text);
      else blocks.push((current = { kind: field ? 'field' : isCommentLine(text) ? 'comment' : 'other', lines: [text], blankBefore }));
      blankBefore = false;
    }
  }
  return blocks;
}

function joinBlocks(blocks: Block[], compact: boolean): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const previous = blocks[i - 1];
    // The oldest digests mix compact and spaced fields: there, a blank line stays where the source had one.
    // A comment (such as a suppression comment) stays on the line above what it is about.
    const tight = ((compact || previous?.kind === 'comment') && !b.blankBefore) || (previous?.kind === 'bullet' && b.kind === 'bullet');
    if (i > 0 && !tight) out.push('');
    for (const line of b.lines) out.push(line);
  });
  return out;
}

/** Per entry as parsed: its formatted lines for one style and compactness (a keystroke formats one entry again). */
const linesByEntry = new WeakMap<DigestEntry, { readonly style: FormatParams['style']; readonly compact: boolean; readonly lines: readonly string[] }>();

/** The formatted lines of a day's entry; the same array as long as the entry and the style are unchanged. */
function formattedEntry(doc: DigestDocument, entry: DigestEntry, params: FormatParams): readonly string[] {
  const original = originalEntry(entry);
  const hit = linesByEntry.get(original);
  if (hit && hit.style === params.style && hit.compact === params.compact) return hit.lines;
  const lines = joinBlocks(entryBlocks(doc, entry, params.style), params.compact);
  linesByEntry.set(original, { style: params.style, compact: params.compact, lines });
  return lines;
}

/**
 * A stretch of the source that formats on its own: the text before the first day entry, or one day entry with what
 * follows it up to the next one's heading. Joined, the spans' formatted lines are the formatted document.
 */
export interface FormatSpan {
  /** Source `[from, to)`, whole lines. */
  readonly from: number;
  readonly to: number;
  /** The day entry the span starts with; none for the text before the first. */
  readonly entry?: DigestEntry;
  /** The entry's formatted lines (the same array while the entry is untouched). */
  readonly entryLines: readonly string[];
  /** The formatted lines after the entry (or the whole span's, for the text before the first entry). */
  readonly restLines: readonly string[];
  /** The last span: its lines are joined with the line break and followed by the file's ending. */
  readonly last: boolean;
}

/** What follows a day entry in its span, formatted, and what it was formatted from. */
interface RestRecord {
  readonly source: string;
  readonly entryLines: readonly string[];
  readonly openBefore: OpaqueBlock | null;
  readonly ending: string;
  readonly lines: readonly string[];
  readonly openAfter: OpaqueBlock | null;
}

/** Per day entry as parsed: the formatted rest of its span, reused (the same array) while that text is the same. */
const restByEntry = new WeakMap<DigestEntry, RestRecord>();

/** The day entries, in order: the spans start with them. */
export function dayEntries(doc: DigestDocument): DigestEntry[] {
  // A loop, not flatMap: the generic flatMap took most of this walk's time on a 600-entry digest.
  const entries: DigestEntry[] = [];
  for (const day of doc.days) for (const e of day.entries) entries.push(e);
  return entries;
}

/** The lines of text[from, to), trailing blanks trimmed (inside code blocks every character is content). */
function copyLines(out: string[], text: string, from: number, to: number, blocks: BlockTracker): void {
  for (const source of linesOf(text, from, to, 0)) {
    const wasInside = blocks.inside;
    const block = blocks.step(source.text);
    out.push(block?.kind === 'fence' && wasInside && blocks.inside ? source.text : trimEndBlanks(source.text));
  }
}

/** Exactly one blank line before an entry, unless a comment (a suppression comment) is right above it. */
function beforeEntry(out: string[], above: readonly string[] = []): void {
  if (isCommentLine(out[out.length - 1] ?? above[above.length - 1] ?? '')) return;
  while (out.length && out[out.length - 1] === '') out.pop();
  if (out.length || above.length) out.push('');
}

/** The span before the first day entry (`entries` are the day entries); `blocks` is left as its lines leave it. */
export function headSpan(doc: DigestDocument, entries: readonly DigestEntry[], blocks: BlockTracker): FormatSpan {
  const to = entries.length ? entryLineStart(entries[0]) : doc.text.length;
  const lines: string[] = [];
  copyLines(lines, doc.text, 0, to, blocks);
  if (entries.length) beforeEntry(lines);
  return { from: 0, to, entryLines: [], restLines: lines, last: !entries.length };
}

/** The span of day entry `k`, after the spans before it left `blocks` open as it is; `blocks` is left as its lines leave it. */
export function entrySpan(doc: DigestDocument, params: FormatParams, entries: readonly DigestEntry[], k: number, blocks: BlockTracker): FormatSpan & { entry: DigestEntry } {
  const text = doc.text;
  const end = text.length;
  const entry = entries[k];
  const from = entryLineStart(entry);
  const to = k + 1 < entries.length ? entryLineStart(entries[k + 1]) : end;
  let restFrom = nextLineStart(text, entryEndOffset(entry));
  // The blank lines that end an embedded digest (the README's before `## License`) are the generator's own.
  const endsEmbedded = k === entries.length - 1 && entry === doc.days[doc.days.length - 1].entries.at(-1);
  // Exactly one blank line after an entry, whatever the source had.
  if (!endsEmbedded) restFrom = pastBlankLines(text, restFrom, to);
  const entryLines = formattedEntry(doc, entry, params);
  const last = to === end;
  // How the rest ends: before an entry, with the file, or with the file after an embedded digest's last entry.
  const ending = endsEmbedded ? 'embedded' : last ? 'file' : 'entry';
  const original = originalEntry(entry);
  let record = restByEntry.get(original);
  // The rest compared in place: a keystroke slices nothing for the spans it does not touch.
  if (record && record.source.length === to - restFrom && text.startsWith(record.source, restFrom) && record.entryLines === entryLines && record.openBefore === blocks.current && record.ending === ending) {
    blocks.resume(record.openAfter);
  } else {
    const openBefore = blocks.current;
    const rest: string[] = endsEmbedded ? [] : [''];
    copyLines(rest, text, restFrom, to, blocks);
    if (!last) beforeEntry(rest, entryLines);
    record = { source: text.slice(restFrom, to), entryLines, openBefore, ending, lines: rest, openAfter: blocks.current };
    restByEntry.set(original, record);
  }
  return { from, to, entry, entryLines, restLines: record.lines, last };
}

/** The document as spans (see FormatSpan), in order. */
export function* formatSpans(doc: DigestDocument, params: FormatParams): Generator<FormatSpan> {
  const entries = dayEntries(doc);
  const blocks = new BlockTracker();
  yield headSpan(doc, entries, blocks);
  for (let k = 0; k < entries.length; k++) yield entrySpan(doc, params, entries, k, blocks);
}

/** The start of the first line at or after `from` (a line start) that is not blank, `to` at most. */
function pastBlankLines(text: string, from: number, to: number): number {
  let lineStart = from;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 10) lineStart = i + 1;
    else if (!isWhitespace(text[i])) return lineStart;
  }
  return to;
}

/** The formatted text of spans given in order (all of a document's, or one that is not the last). */
export function joinSpans(doc: DigestDocument, params: FormatParams, spans: Iterable<FormatSpan>): string {
  const out: string[] = [];
  let last = false;
  for (const span of spans) {
    // A loop, not push(...lines): an entry can have more lines than the stack has room for arguments.
    for (const l of span.entryLines) out.push(l);
    for (const l of span.restLines) out.push(l);
    last = span.last;
  }
  if (!last) return out.map((l) => l + params.eol).join('');
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  // The generator's `…\n\n` and a single final newline are both kept as written; anything else becomes one of them.
  return out.join(params.eol) + (finalLineBreaks(doc.text) >= 2 ? params.eol + params.eol : params.eol);
}

/** The formatted text. Idempotent; outside day sections only trailing whitespace changes. */
export function formatDigest(doc: DigestDocument, options: FormatOptions = {}): string {
  const params = formatParams(doc, options);
  return joinSpans(doc, params, formatSpans(doc, params));
}

/** How many line breaks end the text after its last non-blank character (blank lines may hold spaces). */
export function finalLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') count++;
    else if (c !== '\r' && c !== ' ' && c !== '\t') break;
  }
  return count;
}
