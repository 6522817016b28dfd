// The digest model: what a Daily Papers digest holds, with 0-based source ranges. No vscode types here.

/** A place in the text: 0-based line and UTF-16 character (as VS Code counts), plus the absolute offset. */
export interface Position {
  readonly line: number;
  readonly character: number;
  readonly offset: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A change as VS Code reports it: replace `rangeLength` characters at `rangeOffset` with `text`. */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/** How a summary bullet names its section: `***X***:`, `**X**:`, a broken attempt, or a free bullet. */
export type LabelStyle = 'bold-italic' | 'bold' | 'malformed' | 'none';

export interface SummarySection {
  /** The label text (`What's New`), or null for a free bullet. */
  readonly label: string | null;
  readonly labelStyle: LabelStyle;
  readonly labelRange: Range | null;
  /** The bullet's text after its label, continuation lines joined with "\n" (Markdown source). */
  readonly text: string;
  /** The whole bullet: from `- ` to the end of its last continuation line. */
  readonly range: Range;
  /** Where the text starts (after the label and colon); runs to the end of `range`. */
  readonly textStart: Position;
}

/**
 * The media line(s) of an entry. `form` says how it was written:
 * - `image`: `![](URL)`; `video-template`: `[Watch Video](URL)` + `<div><video ...></video></div>`;
 * - `video-link`: `[Watch Video](URL)` alone; `video-broken-link`: `[Watch Video]URL` (no parentheses);
 * - `video-tag`: a raw `<video src=...>` tag.
 */
export type MediaForm = 'image' | 'video-template' | 'video-link' | 'video-broken-link' | 'video-tag';

export interface MediaField {
  readonly kind: 'image' | 'video';
  readonly form: MediaForm;
  readonly url: string;
  readonly range: Range;
  readonly urlRange: Range;
}

export type FieldKind = 'media' | 'vote' | 'authors' | 'summary';

/** One field line as it occurs, in source order (for order and duplicate checks). */
export interface FieldOccurrence {
  readonly kind: FieldKind;
  readonly range: Range;
}

export interface VoteField {
  readonly raw: string;
  /** The count, or null for `-` and for anything that is not a non-negative integer. */
  readonly value: number | null;
  readonly range: Range;
  readonly valueRange: Range;
}

export interface AuthorsField {
  readonly raw: string;
  readonly style: 'comma' | 'python-list';
  /** The authors' names (see ParsedAuthors). */
  readonly names: readonly string[];
  /** Some authors were left out (`+` in the list). */
  readonly omitted: boolean;
  readonly range: Range;
  readonly valueRange: Range;
}

/** A line the parser could not interpret; kept so that nothing is dropped silently. */
export interface UnrecognizedLine {
  readonly text: string;
  readonly range: Range;
}

export interface DigestEntry {
  /** From the `###` to the end of the entry's last non-blank line. */
  readonly range: Range;
  readonly headingRange: Range;
  /** Plain text of the title (Markdown inline markup removed); the heading text if it is not a link. */
  readonly title: string;
  /** The raw Markdown between `[` and `](`, or the whole heading text when it is not a link. */
  readonly titleSource: string;
  readonly titleRange: Range;
  /** True when the heading text is exactly one Markdown link. */
  readonly titleIsLink: boolean;
  readonly url: string | null;
  readonly urlRange: Range | null;
  /** The arXiv ID as written in the URL (`2501.17161`, `hep-th/9901001`, with any `vN`), or null. */
  readonly arxivId: string | null;
  readonly media: readonly MediaField[];
  readonly vote: VoteField | null;
  readonly authors: AuthorsField | null;
  readonly sections: readonly SummarySection[];
  readonly fields: readonly FieldOccurrence[];
  readonly unrecognized: readonly UnrecognizedLine[];
}

export interface DaySection {
  /** The date as written between the parentheses. */
  readonly date: string;
  /** True when `date` is a real calendar date in YYYY-MM-DD form. */
  readonly dateValid: boolean;
  readonly headerRange: Range;
  readonly dateRange: Range;
  /** From the header to the end of the section's last non-blank line. */
  readonly range: Range;
  readonly entries: readonly DigestEntry[];
  /** Lines between the header and the first entry that are not blank. */
  readonly unrecognized: readonly UnrecognizedLine[];
}

export interface DigestDocument {
  readonly text: string;
  readonly lineCount: number;
  /** True when the text has a day header outside code fences. */
  readonly hasDayHeader: boolean;
  readonly days: readonly DaySection[];
  /** Entries (H3 arXiv links) that stand outside any day section. */
  readonly orphanEntries: readonly DigestEntry[];
  /** Every entry in source order: those of the days and the orphans. */
  readonly entries: readonly DigestEntry[];
}
