// Moving parsed entries after an edit. An edit shifts every entry below it; instead of copying each entry's
// ranges on every keystroke, a ShiftedEntry wraps the entry as parsed plus the distance it moved, and
// computes (once) the shifted ranges only when something reads them.
import type { AuthorsField, DigestEntry, FieldOccurrence, MediaField, Position, Range, SummarySection, UnrecognizedLine, VoteField } from './types';

export function shiftPosition(p: Position, lines: number, offset: number): Position {
  return { line: p.line + lines, character: p.character, offset: p.offset + offset };
}

export function shiftRange(r: Range, lines: number, offset: number): Range {
  return {
    start: { line: r.start.line + lines, character: r.start.character, offset: r.start.offset + offset },
    end: { line: r.end.line + lines, character: r.end.character, offset: r.end.offset + offset },
  };
}

export function shiftUnrecognized(list: readonly UnrecognizedLine[], lines: number, offset: number): UnrecognizedLine[] {
  return list.map((u) => ({ text: u.text, range: shiftRange(u.range, lines, offset) }));
}

class ShiftedEntry implements DigestEntry {
  // Each shifted part is computed on first read; a field each (not a keyed cache) keeps the reads monomorphic.
  private shiftedRange?: Range;
  private shiftedHeadingRange?: Range;
  private shiftedTitleRange?: Range;
  private shiftedUrlRange?: Range | null;
  private shiftedMedia?: readonly MediaField[];
  private shiftedVote?: VoteField | null;
  private shiftedAuthors?: AuthorsField | null;
  private shiftedSections?: readonly SummarySection[];
  private shiftedFields?: readonly FieldOccurrence[];
  private shiftedUnrecognized?: readonly UnrecognizedLine[];

  constructor(
    /** The entry as parsed, never a ShiftedEntry itself. */
    readonly original: DigestEntry,
    readonly lines: number,
    readonly offset: number,
  ) {}

  private r(x: Range): Range {
    return shiftRange(x, this.lines, this.offset);
  }

  get title() { return this.original.title; }
  get titleSource() { return this.original.titleSource; }
  get titleIsLink() { return this.original.titleIsLink; }
  get url() { return this.original.url; }
  get arxivId() { return this.original.arxivId; }
  get range() { return (this.shiftedRange ??= this.r(this.original.range)); }
  get headingRange() { return (this.shiftedHeadingRange ??= this.r(this.original.headingRange)); }
  get titleRange() { return (this.shiftedTitleRange ??= this.r(this.original.titleRange)); }
  get urlRange() {
    if (this.shiftedUrlRange === undefined) this.shiftedUrlRange = this.original.urlRange && this.r(this.original.urlRange);
    return this.shiftedUrlRange;
  }
  get media() {
    return (this.shiftedMedia ??= this.original.media.map((m): MediaField => ({ kind: m.kind, form: m.form, url: m.url, range: this.r(m.range), urlRange: this.r(m.urlRange) })));
  }
  get vote() {
    if (this.shiftedVote === undefined) {
      const v = this.original.vote;
      this.shiftedVote = v && { raw: v.raw, value: v.value, range: this.r(v.range), valueRange: this.r(v.valueRange) };
    }
    return this.shiftedVote;
  }
  get authors() {
    if (this.shiftedAuthors === undefined) {
      const a = this.original.authors;
      this.shiftedAuthors = a && { raw: a.raw, style: a.style, names: a.names, omitted: a.omitted, range: this.r(a.range), valueRange: this.r(a.valueRange) };
    }
    return this.shiftedAuthors;
  }
  get sections() {
    return (this.shiftedSections ??= this.original.sections.map((s): SummarySection => ({
      label: s.label,
      labelStyle: s.labelStyle,
      labelRange: s.labelRange && this.r(s.labelRange),
      text: s.text,
      range: this.r(s.range),
      textStart: shiftPosition(s.textStart, this.lines, this.offset),
    })));
  }
  get fields() {
    return (this.shiftedFields ??= this.original.fields.map((f): FieldOccurrence => ({ kind: f.kind, range: this.r(f.range) })));
  }
  get unrecognized() {
    // Most entries have none: every rule asks, and an empty list needs no shifted copy.
    const list = this.original.unrecognized;
    return list.length === 0 ? list : (this.shiftedUnrecognized ??= shiftUnrecognized(list, this.lines, this.offset));
  }

  /** A plain object, as a fresh parse would give (JSON output and equality checks see no difference). */
  toJSON(): DigestEntry {
    return {
      range: this.range,
      headingRange: this.headingRange,
      title: this.title,
      titleSource: this.titleSource,
      titleRange: this.titleRange,
      titleIsLink: this.titleIsLink,
      url: this.url,
      urlRange: this.urlRange,
      arxivId: this.arxivId,
      media: this.media,
      vote: this.vote,
      authors: this.authors,
      sections: this.sections,
      fields: this.fields,
      unrecognized: this.unrecognized,
    };
  }
}

const NOT_MOVED = { lines: 0, offset: 0 } as const;

/** How far the entry has moved since it was parsed (the same object for every entry that has not). */
export function movedBy(entry: DigestEntry): { readonly lines: number; readonly offset: number } {
  return entry instanceof ShiftedEntry ? entry : NOT_MOVED;
}

// Read on every keystroke for every entry: from the entry as parsed, so that neither an origin object nor a moved
// entry's shifted ranges are made for it.

/** The entry as parsed: the key of what is kept per entry while edits elsewhere only move it. */
export function originalEntry(entry: DigestEntry): DigestEntry {
  return entry instanceof ShiftedEntry ? entry.original : entry;
}

/** Where the entry's first line starts (an offset in the current text). */
export function entryLineStart(entry: DigestEntry): number {
  const { start } = originalEntry(entry).range;
  return start.offset - start.character + movedBy(entry).offset;
}

/** Where the entry's range ends (an offset in the current text). */
export function entryEndOffset(entry: DigestEntry): number {
  return originalEntry(entry).range.end.offset + movedBy(entry).offset;
}

/** Where the whole lines the entry spans end (an offset in `text`, the current text), its last line break included. */
export function entryLinesEnd(text: string, entry: DigestEntry): number {
  const nl = text.indexOf('\n', entryEndOffset(entry));
  return nl === -1 ? text.length : nl + 1;
}

/** The entry's first line (0-based, in the current text). */
export function entryStartLine(entry: DigestEntry): number {
  return originalEntry(entry).range.start.line + movedBy(entry).lines;
}

/** The entry's last line (0-based, in the current text). */
export function entryEndLine(entry: DigestEntry): number {
  return originalEntry(entry).range.end.line + movedBy(entry).lines;
}

/** The entry moved by `lines` and `offset`: constant time, ranges computed on first read. */
export function shiftEntry(entry: DigestEntry, lines: number, offset: number): DigestEntry {
  if (entry instanceof ShiftedEntry) return new ShiftedEntry(entry.original, entry.lines + lines, entry.offset + offset);
  return new ShiftedEntry(entry, lines, offset);
}
