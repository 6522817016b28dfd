// The structural scanner: one linear pass over lines that cuts a document into segments at headings,
// skipping code fences and multi-line HTML comments, so that each entry can be parsed on its own.

/**
 * - `preamble`: text before the first heading; `heading`: an H1/H2 that is not a day header
 *   (it ends a day section); `day`: a `## Daily Papers (…)` header and the text up to the next heading;
 *   `h3`: an H3 heading and its body (an entry when it stands in a day section or links to arXiv).
 */
export type SegmentKind = 'preamble' | 'heading' | 'day' | 'h3';

export interface ScannedSegment {
  readonly kind: SegmentKind;
  /** Offset of the segment's first character (a line start). */
  readonly start: number;
  /** Offset where the next segment starts, or the text length. */
  readonly end: number;
  /** 0-based line of `start`. */
  readonly line: number;
}

type Opaque = { kind: 'fence'; marker: string; length: number } | { kind: 'comment' } | null;

const DAY_HEADER = /^ {0,3}## +Daily Papers +\(([^()]*)\)[ \t]*(?:#+[ \t]*)?$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Matches a day header line; returns the date text and its character offset, or null. */
export function matchDayHeader(line: string): { date: string; dateStart: number } | null {
  const m = DAY_HEADER.exec(line);
  if (!m) return null;
  return { date: m[1], dateStart: line.indexOf('(') + 1 };
}

function classify(line: string): SegmentKind | null {
  const c = line.charCodeAt(0) === 0xfeff ? line.charCodeAt(1) : line.charCodeAt(0);
  if (c !== 35 /* # */ && c !== 32 /* space */) return null;
  const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  const m = ATX.exec(text);
  if (!m) return null;
  const level = m[1].length;
  if (level === 3) return 'h3';
  if (level === 2 && DAY_HEADER.test(text)) return 'day';
  return level <= 2 ? 'heading' : null;
}

/** Returns the opaque block a line opens (a code fence or an unclosed `<!--`), if any. */
function opens(line: string): Opaque {
  const c = line.charCodeAt(line.search(/\S|$/));
  if (c === 96 /* ` */ || c === 126 /* ~ */) {
    const m = FENCE_OPEN.exec(line);
    if (m && !(m[1][0] === '`' && m[2].includes('`'))) return { kind: 'fence', marker: m[1][0], length: m[1].length };
    return null;
  }
  if (c === 60 /* < */ && /^ {0,3}<!--/.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) return { kind: 'comment' };
  return null;
}

function closes(state: Exclude<Opaque, null>, line: string): boolean {
  if (state.kind === 'comment') return line.includes('-->');
  const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return m !== null && m[1][0] === state.marker && m[1].length >= state.length;
}

export interface ScanResult {
  readonly segments: ScannedSegment[];
  /** Where scanning stopped: the text length, or a resynchronisation point accepted by `stopAt`. */
  readonly stoppedAt: number;
  readonly stoppedLine: number;
}

/**
 * Scans `text` from `from` (a line start outside any fence, on line `line`) to the end, or until a line start
 * outside fences for which `stopAt(offset)` is true (used by incremental updates to rejoin unchanged text).
 */
export function scanSegments(
  text: string,
  from = 0,
  line = 0,
  firstKind: SegmentKind = 'preamble',
  stopAt?: (offset: number) => boolean,
): ScanResult {
  const segments: ScannedSegment[] = [];
  let segStart = from;
  let segLine = line;
  // At the start of the text the first line is classified below; an empty text is all preamble.
  let segKind: SegmentKind = from === 0 ? 'preamble' : firstKind;
  let state: Opaque = null;
  let start = from;
  let first = true;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const lineText = text.slice(start, end);
    if (state) {
      if (closes(state, lineText)) state = null;
    } else if (first) {
      // The caller vouches for the kind of the first segment, except at the very start of the text.
      if (from === 0) segKind = classify(lineText) ?? 'preamble';
      state = opens(lineText);
    } else {
      if (stopAt?.(start)) {
        segments.push({ kind: segKind, start: segStart, end: start, line: segLine });
        return { segments, stoppedAt: start, stoppedLine: line };
      }
      const kind = classify(lineText);
      if (kind !== null) {
        segments.push({ kind: segKind, start: segStart, end: start, line: segLine });
        segStart = start;
        segLine = line;
        segKind = kind;
      }
      state = opens(lineText);
    }
    first = false;
    start = nl + 1;
    line++;
  }
  segments.push({ kind: segKind, start: segStart, end: text.length, line: segLine });
  return { segments, stoppedAt: text.length, stoppedLine: line };
}
