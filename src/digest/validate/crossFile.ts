// The same paper in several digests (the CLI's file list, the workspace): a repeat under a later date is a defect;
// the same paper under the same date in two files is a mirror (the README embeds the day's file) and is fine.
import { baseArxivId } from '../arxiv';
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

/** Each dated entry with an arXiv ID, in source order. */
export function* datedPapers(doc: DigestDocument): Generator<DatedPaper> {
  for (const day of doc.days) {
    for (const entry of day.entries) {
      if (entry.arxivId && entry.urlRange) yield { id: baseArxivId(entry.arxivId), date: day.date, entry: entry as DatedPaper['entry'] };
    }
  }
}

/**
 * Problems keyed by digest name: each entry whose paper appears under an earlier date in another digest, naming
 * the earliest date and place. Repeats inside one file are the per-file rule's. One pass to group, one to report.
 */
export function findDuplicatePapers(digests: readonly NamedDigest[], config: ValidationConfig = {}): Map<string, Problem[]> {
  const result = new Map<string, Problem[]>();
  const severity = severityOf('duplicate-paper', config);
  if (severity === null) return result;
  const earliest = new Map<string, { date: string; name: string; line: number }>();
  // The earliest date of each paper within each file: a later one in that file is the per-file rule's to report.
  const earliestInFile = new Map<string, string>();
  digests.forEach(({ name, doc }, file) => {
    for (const { id, date, entry } of datedPapers(doc)) {
      const first = earliest.get(id);
      if (!first || date < first.date) earliest.set(id, { date, name, line: entry.headingRange.start.line });
      const key = `${file}\u0000${id}`;
      const inFile = earliestInFile.get(key);
      if (inFile === undefined || date < inFile) earliestInFile.set(key, date);
    }
  });
  digests.forEach(({ name, doc }, file) => {
    for (const { id, date, entry } of datedPapers(doc)) {
      const first = earliest.get(id)!;
      if (date <= first.date || earliestInFile.get(`${file}\u0000${id}`)! < date) continue;
      const message = msg`Unexpected repeat of paper ${id}, already summarised on ${first.date} in ${first.name}:${String(first.line + 1)}, expected each paper on one day`;
      const list = result.get(name) ?? [];
      list.push({ ruleId: 'duplicate-paper', severity, range: entry.urlRange, ...message });
      result.set(name, list);
    }
  });
  return result;
}
