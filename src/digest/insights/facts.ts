// What one digest file contributes to the insights: its papers per day, each day's format, its problems per day.
import { ownCopy, papersOf, type IndexedPaper } from '../paperIndex';
import type { DaySection, DigestDocument } from '../types';
import type { Problem, Severity } from '../validate/types';

/** The format eras of FORMAT.md, told from a day's own content (not its date), oldest first. */
export const ERAS = ['A', 'B', 'C', 'D'] as const;
export type Era = (typeof ERAS)[number];
/** The label style most of a day's labelled bullets use; `none` when it has only free bullets. */
export const DAY_LABEL_STYLES = ['none', 'bold', 'bold-italic'] as const;
export type DayLabelStyle = (typeof DAY_LABEL_STYLES)[number];

export type SeverityCounts = Record<Severity, number>;

export interface DayFacts {
  readonly date: string;
  readonly papers: readonly IndexedPaper[];
  readonly labelStyle: DayLabelStyle;
  readonly era: Era;
  readonly problems: SeverityCounts;
}

export interface FileFacts {
  readonly file: string;
  /** One item per day header with entries or problems; a date may occur twice (the generator's second run). */
  readonly days: readonly DayFacts[];
}

export function noProblems(): SeverityCounts {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}

export function dayLabelStyle(day: DaySection): DayLabelStyle {
  let bold = 0;
  let boldItalic = 0;
  for (const e of day.entries)
    for (const s of e.sections) {
      if (s.labelStyle === 'bold') bold++;
      else if (s.labelStyle === 'bold-italic') boldItalic++;
    }
  return bold + boldItalic === 0 ? 'none' : bold > boldItalic ? 'bold' : 'bold-italic';
}

/** Era D/E writes `***X***:` labels, C `**X**:`, B free bullets with votes, A free bullets without votes. */
export function dayEra(day: DaySection, labelStyle = dayLabelStyle(day)): Era {
  if (labelStyle === 'bold-italic') return 'D';
  if (labelStyle === 'bold') return 'C';
  return day.entries.some((e) => e.vote !== null) ? 'B' : 'A';
}

/** Index of the day a line belongs to: the nearest header at or above it, else the first day. */
function dayIndexOfLine(days: readonly DaySection[], line: number): number {
  let index = 0;
  for (let i = 0; i < days.length && days[i].headerRange.start.line <= line; i++) index = i;
  return index;
}

/** `problems` (from validation, any order) counted against the day they fall in: one count per day of `doc`. */
export function problemsPerDay(doc: DigestDocument, problems: readonly Problem[]): SeverityCounts[] {
  const counts = doc.days.map(noProblems);
  for (const p of problems) if (counts.length) counts[dayIndexOfLine(doc.days, p.range.start.line)][p.severity]++;
  return counts;
}

/**
 * The file's contribution; `problems` (from validation, any order) are counted against the day they fall in.
 * `papers`: the file's `papersOf` when already at hand (the workspace index's own: no second copy is kept).
 */
export function fileFacts(file: string, doc: DigestDocument, problems: readonly Problem[] = [], papers: readonly IndexedPaper[] = papersOf(file, doc)): FileFacts {
  const counts = problemsPerDay(doc, problems);
  let next = 0;
  const days = doc.days.map((day, i): DayFacts => {
    const own = papers.slice(next, next + day.entries.length);
    next += day.entries.length;
    const labelStyle = dayLabelStyle(day);
    // The papers' date is their own copy; `day.date` is a slice of the file's text and would keep it all alive.
    return { date: own[0]?.date ?? ownCopy(day.date), papers: own, labelStyle, era: dayEra(day, labelStyle), problems: counts[i] };
  });
  return { file, days };
}

/** `facts` with these problem counts (one per day, as `problemsPerDay` gives them for the same text). */
export function withProblems(facts: FileFacts, counts: readonly SeverityCounts[]): FileFacts {
  return { file: facts.file, days: facts.days.map((day, i) => ({ ...day, problems: counts[i] ?? noProblems() })) };
}

/** Whether a parse's days are those the facts were taken from (else the file changed in between). */
export function sameDates(dates: readonly string[], facts: FileFacts): boolean {
  return dates.length === facts.days.length && dates.every((date, i) => date === facts.days[i].date);
}
