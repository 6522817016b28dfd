// The structural scanner: one linear pass over lines that cuts a document into segments at headings,
// skipping code fences and multi-line HTML comments, so that each entry can be parsed on its own.
import { BlockTracker, headingKind } from './lines';

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
  const blocks = new BlockTracker();
  let start = from;
  let first = true;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const lineText = text.slice(start, end);
    if (blocks.inside) {
      blocks.step(lineText);
    } else if (first) {
      // The caller vouches for the kind of the first segment, except at the very start of the text.
      if (from === 0) segKind = headingKind(lineText) ?? 'preamble';
      blocks.step(lineText);
    } else {
      if (stopAt?.(start)) {
        segments.push({ kind: segKind, start: segStart, end: start, line: segLine });
        return { segments, stoppedAt: start, stoppedLine: line };
      }
      const kind = headingKind(lineText);
      if (kind !== null) {
        segments.push({ kind: segKind, start: segStart, end: start, line: segLine });
        segStart = start;
        segLine = line;
        segKind = kind;
      }
      blocks.step(lineText);
    }
    first = false;
    start = nl + 1;
    line++;
  }
  segments.push({ kind: segKind, start: segStart, end: text.length, line: segLine });
  return { segments, stoppedAt: text.length, stoppedLine: line };
}
