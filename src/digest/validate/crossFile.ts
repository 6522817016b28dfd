// The same paper in several digests (the CLI's file list, the workspace): a repeat under a later date is a defect;
// the same paper under the same date in two files is a mirror (the README embeds the day's file) and is fine.
import { baseArxivId } from '../arxiv';
import { originalEntry } from '../shift';
import type { DigestDocument, DigestEntry } from '../types';
import { severityOf, type ValidationConfig } from './config';
import { msg, type Problem } from './types';

export interface NamedDigest {
  /** A path or URI, shown in messages. */
  readonly name: string;
  readonly doc: DigestDocument;
}

/** An entry with an arXiv ID under a day header: the only kind that can repeat a paper. */
export interface DatedPaper {
  readonly id: string;
  readonly date: string;
  readonly entry: DigestEntry & { readonly urlRange: NonNullable<DigestEntry['urlRange']> };
}

/**
 * Whether an entry (under a day header) is a paper that can repeat: it has an arXiv ID and its link. Read from the
 * entry as parsed, so that no shifted range is made for an entry an edit only moved (duplicate-paper asks on every
 * keystroke).
 */
export function isPaperEntry(entry: DigestEntry): boolean {
  return !!entry.arxivId && originalEntry(entry).urlRange !== null;
}

/** Each dated entry with an arXiv ID, in source order. */
export function datedPapers(doc: DigestDocument): DatedPaper[] {
  const papers: DatedPaper[] = [];
  for (const day of doc.days) {
    for (const entry of day.entries) {
      if (isPaperEntry(entry)) papers.push({ id: baseArxivId(entry.arxivId!), date: day.date, entry: entry as DatedPaper['entry'] });
    }
  }
  return papers;
}

/** Where a paper appears under a day header: the digest's name, the heading's 0-based line, the day's date. */
export interface PaperPlace {
  readonly name: string;
  readonly line: number;
  readonly date: string;
}

/**
 * Problems keyed by digest name: each entry whose paper appears under an earlier date in another digest, naming
 * the earliest date and place. Repeats inside one file are the per-file rule's. One pass to group, one to report.
 */
export function findDuplicatePapers(digests: readonly NamedDigest[], config: ValidationConfig = {}): Map<string, Problem[]> {
  const result = new Map<string, Problem[]>();
  if (severityOf('duplicate-paper', config) === null) return result;
  const earliest = new Map<string, PaperPlace>();
  for (const { name, doc } of digests) {
    for (const { id, date, entry } of datedPapers(doc)) {
      const first = earliest.get(id);
      if (!first || date < first.date) earliest.set(id, { date, name, line: entry.headingRange.start.line });
    }
  }
  for (const { name, doc } of digests) {
    const problems = duplicatePaperProblems(doc, (id) => earliest.get(id), config);
    if (problems.length) result.set(name, problems);
  }
  return result;
}

/**
 * The `duplicate-paper` problems of one digest, given the earliest dated place of each paper (base arXiv ID) in all
 * digests: an entry is reported when its paper was summarised on an earlier date elsewhere; the same date is a
 * mirror, and a repeat inside this digest is the per-file rule's.
 */
export function duplicatePaperProblems(doc: DigestDocument, earliestOf: (id: string) => PaperPlace | undefined, config: ValidationConfig = {}): Problem[] {
  const severity = severityOf('duplicate-paper', config);
  const problems: Problem[] = [];
  if (severity === null) return problems;
  const earliestHere = new Map<string, string>();
  for (const { id, date } of datedPapers(doc)) {
    const here = earliestHere.get(id);
    if (here === undefined || date < here) earliestHere.set(id, date);
  }
  for (const { id, date, entry } of datedPapers(doc)) {
    const first = earliestOf(id);
    if (!first || date <= first.date || earliestHere.get(id)! < date) continue;
    const message = msg`Unexpected repeat of paper ${id}, already summarised on ${first.date} in ${first.name}:${String(first.line + 1)}, expected each paper on one day`;
    problems.push({ ruleId: 'duplicate-paper', severity, range: entry.urlRange, ...message });
  }
  return problems;
}
