// Builds the DigestDocument from scanned segments, and updates it incrementally: an edit re-scans and
// re-parses only the segments it touches; the segments after it are reused, shifted by the edit's size.
import { isArxivUrl } from './arxiv';
import { parseEntry } from './entry';
import { isCommentLine, matchDayHeader } from './lines';
import { scanSegments, type ScannedSegment } from './scan';
import { entryLineStart, originalEntry, shiftEntry, shiftPosition, shiftRange, shiftUnrecognized } from './shift';
import { firstIndexWhere } from './sorted';
import { countLineBreaks, isBlank, lineRange, linesOf, type Line } from './text';
import type { DaySection, DigestDocument, DigestEntry, Position, Range, TextChange, UnrecognizedLine } from './types';

interface DayHeader {
  readonly date: string;
  readonly dateValid: boolean;
  readonly headerRange: Range;
  readonly dateRange: Range;
  readonly contentEnd: Position;
  readonly unrecognized: readonly UnrecognizedLine[];
}

interface Segment extends ScannedSegment {
  readonly entry?: DigestEntry;
  readonly day?: DayHeader;
}

/**
 * An edit between two versions of a document, in the older one's offsets: `[start, oldEnd)` became
 * `[start, oldEnd + delta)`. Text outside it is the same, moved by `delta` after it.
 */
export interface EditWindow {
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
}

/**
 * Where a version of a document came from, so that work done for an earlier version can be redone for the edited
 * part only. `lineage` is shared by the versions `updateDigest` made one from another.
 */
export interface Revision {
  readonly lineage: object;
  readonly id: number;
  /** The edit since each of the last few versions of the lineage (newest first), by their ids. */
  readonly since: readonly { readonly id: number; readonly edit: EditWindow }[];
}

/** How many earlier versions a revision knows its edit from: enough for an editor that skips a few while typing. */
const REMEMBERED_VERSIONS = 8;
let nextRevisionId = 1;

/** What is kept of each document for incremental updates, out of the public model. */
interface Internals {
  /** None for a document another copy of this module made: an update parses it afresh. */
  readonly segments: readonly Segment[] | null;
  readonly revision: Revision;
  /** How many CRLF line breaks the text has (kept up to date without reading the whole text). */
  readonly crlfs: number;
}
const internalsOf = new WeakMap<DigestDocument, Internals>();

function internals(doc: DigestDocument): Internals {
  let found = internalsOf.get(doc);
  if (!found) {
    // A document this copy of the core did not make (a test's copy beside the extension's, a copied object): no history.
    found = { segments: null, revision: { lineage: {}, id: nextRevisionId++, since: [] }, crlfs: countCrlfs(doc.text, 0, doc.text.length) };
    internalsOf.set(doc, found);
  }
  return found;
}

/** The document's revision (see Revision). */
export function revisionOf(doc: DigestDocument): Revision {
  return internals(doc).revision;
}

/** The line break the text uses: CRLF when it has any (what the formatter writes and authoring inserts). */
export function lineBreakOf(doc: DigestDocument): '\r\n' | '\n' {
  return internals(doc).crlfs > 0 ? '\r\n' : '\n';
}

function countCrlfs(text: string, from: number, to: number): number {
  let count = 0;
  if (to === text.length) {
    for (let i = text.indexOf('\r\n', from); i !== -1; i = text.indexOf('\r\n', i + 2)) count++;
  } else {
    // indexOf would search on to the text's end: an edit's window is read character by character.
    for (let i = from; i + 1 < to; i++) if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) count++;
  }
  return count;
}

/**
 * Which entries of a version (`entries`, in order) an edit since an earlier version (`old`, that version's list) left
 * as they were: `[0, before)` are the same objects, ahead of the edit; from `after` on, each is the entry `old` had at
 * `index + old.length - entries.length`, wholly after the edit and moved by its size. Both are runs at one end of the
 * list, found by binary search.
 */
export function untouchedEntries(entries: readonly DigestEntry[], old: readonly DigestEntry[], edit: EditWindow): { readonly before: number; readonly after: number } {
  const shift = old.length - entries.length;
  const untouchedBefore = (k: number) => k < old.length && entries[k] === old[k] && entryLineStart(entries[k]) < edit.start;
  const untouchedAfter = (k: number) => {
    const j = k + shift;
    if (j < 0 || originalEntry(entries[k]) !== originalEntry(old[j])) return false;
    const was = entryLineStart(old[j]);
    return was > edit.oldEnd && entryLineStart(entries[k]) === was + edit.delta;
  };
  const before = firstIndexWhere(entries.length, (k) => !untouchedBefore(k));
  return { before, after: Math.max(before, firstIndexWhere(entries.length, untouchedAfter)) };
}

/** `a` then `b` (b in the offsets of a's result) as one edit in the offsets before `a`. */
function composeEdits(a: EditWindow, b: EditWindow): EditWindow {
  const aNewEnd = a.oldEnd + a.delta;
  // A point of a's result: before a's edit it is where it was, after it it moved by a.delta, inside it maps to a's window.
  const back = (offset: number, inside: number) => (offset < a.start ? offset : offset >= aNewEnd ? offset - a.delta : inside);
  return { start: Math.min(a.start, back(b.start, a.start)), oldEnd: Math.max(a.oldEnd, back(b.oldEnd, a.oldEnd)), delta: a.delta + b.delta };
}

/** Parses a whole document. Never throws. */
export function parseDigest(text: string): DigestDocument {
  const segments = scanSegments(text).segments.map((s) => parseSegment(text, s));
  const revision: Revision = { lineage: {}, id: nextRevisionId++, since: [] };
  return assemble(text, segments, countLineBreaks(text) + 1, revision, countCrlfs(text, 0, text.length));
}

/**
 * The document after `changes` (VS Code's content changes, all relative to `previous.text`) turned it into
 * `text`. Reuses every segment the changes did not touch. Never throws; falls back to a full parse when
 * the changes do not fit the previous text.
 */
export function updateDigest(previous: DigestDocument, text: string, changes: readonly TextChange[]): DigestDocument {
  const before = internalsOf.get(previous);
  if (changes.length === 0) return text === previous.text ? previous : parseDigest(text);
  let start = Infinity;
  let oldEnd = -Infinity;
  let delta = 0;
  for (const c of changes) {
    start = Math.min(start, c.rangeOffset);
    oldEnd = Math.max(oldEnd, c.rangeOffset + c.rangeLength);
    delta += c.text.length - c.rangeLength;
  }
  const old = before?.segments;
  if (!before || !old || start < 0 || oldEnd > previous.text.length || previous.text.length + delta !== text.length) return parseDigest(text);

  // Start one segment before the one holding the edit: that segment is untouched, so its kind still holds,
  // and an edit to the first line of the next segment (which may stop being a heading) is re-scanned.
  const first = Math.max(0, segmentIndexAt(old, start - 1) - 1);
  let next = segmentIndexAt(old, oldEnd) + 1;
  const rejoins = (offset: number): boolean => {
    while (next < old.length && old[next].start + delta < offset) next++;
    return next < old.length && old[next].start + delta === offset;
  };
  const scan = scanSegments(text, old[first].start, old[first].line, old[first].kind, rejoins);
  const rescanned = scan.segments.map((s) => parseSegment(text, s));
  const rejoined = scan.stoppedAt < text.length;
  const lineDelta = rejoined ? scan.stoppedLine - old[next].line : 0;
  const tail = rejoined ? old.slice(next).map((s) => shiftSegment(s, lineDelta, delta)) : [];
  const lineCount =
    previous.lineCount - countLineBreaks(previous.text.slice(start, oldEnd)) + countLineBreaks(text.slice(start, oldEnd + delta));
  // A CRLF the edit touched may have one character outside it.
  const crlfs = before.crlfs - countCrlfs(previous.text, Math.max(0, start - 1), oldEnd + 1) + countCrlfs(text, Math.max(0, start - 1), oldEnd + delta + 1);
  const edit: EditWindow = { start, oldEnd, delta };
  const since = [{ id: before.revision.id, edit }];
  for (const s of before.revision.since.slice(0, REMEMBERED_VERSIONS - 1)) since.push({ id: s.id, edit: composeEdits(s.edit, edit) });
  const revision: Revision = { lineage: before.revision.lineage, id: nextRevisionId++, since };
  return assemble(text, [...old.slice(0, first), ...rescanned, ...tail], lineCount, revision, crlfs);
}

/** Index of the segment that holds `offset` (the first one for offsets before it). */
function segmentIndexAt(segments: readonly Segment[], offset: number): number {
  return Math.max(0, firstIndexWhere(segments.length, (i) => segments[i].start > offset) - 1);
}

function parseSegment(text: string, s: ScannedSegment): Segment {
  // A heading needs a line: an empty segment (the text ends where it would start) is no entry or day.
  const { kind, start, end, line } = s;
  // Fields named, not spread (a runtime call per segment).
  if (start >= end) return { kind: 'preamble', start, end, line };
  if (kind === 'h3') return { kind, start, end, line, entry: parseEntry(text, start, end, line) };
  if (kind === 'day') return { kind, start, end, line, day: parseDayHeader(text, s) };
  return s;
}

function parseDayHeader(text: string, s: ScannedSegment): DayHeader {
  const lines = linesOf(text, s.start, s.end, s.line);
  const header = lines.next().value as Line;
  const match = matchDayHeader(header.text.replace(/^\uFEFF/, ''));
  const shift = header.text.startsWith('\uFEFF') ? 1 : 0;
  const date = match?.date ?? '';
  const dateStart = (match?.dateStart ?? 0) + shift;
  let last = header;
  const unrecognized: UnrecognizedLine[] = [];
  for (const l of lines) {
    if (isBlank(l.text)) continue;
    last = l;
    if (!isCommentLine(l.text)) unrecognized.push({ text: l.text, range: lineRange(l) });
  }
  return {
    date,
    dateValid: isCalendarDate(date),
    headerRange: lineRange(header, shift),
    dateRange: lineRange(header, dateStart, dateStart + date.length),
    contentEnd: lineRange(last).end,
    unrecognized,
  };
}

export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function assemble(text: string, segments: readonly Segment[], lineCount: number, revision: Revision, crlfs: number): DigestDocument {
  const days: DaySection[] = [];
  const orphanEntries: DigestEntry[] = [];
  const entries: DigestEntry[] = [];
  let day: { header: DayHeader; entries: DigestEntry[] } | null = null;
  const closeDay = () => {
    if (!day) return;
    const { header, entries: dayEntries } = day;
    const end = dayEntries.length ? dayEntries[dayEntries.length - 1].range.end : header.contentEnd;
    // Fields named, not spread: this runs for every day after each keystroke.
    const { date, dateValid, headerRange, dateRange, unrecognized } = header;
    days.push({ date, dateValid, headerRange, dateRange, unrecognized, range: { start: headerRange.start, end }, entries: dayEntries });
    day = null;
  };
  for (const s of segments) {
    if (s.day) {
      closeDay();
      day = { header: s.day, entries: [] };
    } else if (s.entry) {
      if (day) day.entries.push(s.entry);
      else if (s.entry.url !== null && isArxivUrl(s.entry.url)) orphanEntries.push(s.entry);
      else continue;
      entries.push(s.entry);
    } else if (s.kind === 'heading') {
      closeDay();
    }
  }
  closeDay();
  const doc: DigestDocument = { text, lineCount, hasDayHeader: days.length > 0, days, orphanEntries, entries };
  internalsOf.set(doc, { segments, revision, crlfs });
  return doc;
}

function shiftSegment(s: Segment, lines: number, offset: number): Segment {
  if (lines === 0 && offset === 0) return s;
  return {
    kind: s.kind,
    start: s.start + offset,
    end: s.end + offset,
    line: s.line + lines,
    entry: s.entry && shiftEntry(s.entry, lines, offset),
    day: s.day && shiftDayHeader(s.day, lines, offset),
  };
}

function shiftDayHeader(d: DayHeader, lines: number, offset: number): DayHeader {
  return {
    date: d.date,
    dateValid: d.dateValid,
    headerRange: shiftRange(d.headerRange, lines, offset),
    dateRange: shiftRange(d.dateRange, lines, offset),
    contentEnd: shiftPosition(d.contentEnd, lines, offset),
    unrecognized: shiftUnrecognized(d.unrecognized, lines, offset),
  };
}
