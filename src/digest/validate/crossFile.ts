// The same paper in two digests: a check over many documents at once (the CLI's file list, the workspace).
import { baseArxivId } from '../arxiv';
import type { DigestDocument } from '../types';
import { severityOf, type ValidationConfig } from './config';
import type { Problem } from './types';

export interface NamedDigest {
  /** A path or URI, shown in messages. */
  readonly name: string;
  readonly doc: DigestDocument;
}

export interface PaperPlaceInDigest {
  readonly name: string;
  /** 0-based line of the entry heading. */
  readonly line: number;
}

/** Problems keyed by digest name: each entry whose paper also appears in another of the digests. */
export function findDuplicatePapers(digests: readonly NamedDigest[], config: ValidationConfig = {}): Map<string, Problem[]> {
  const result = new Map<string, Problem[]>();
  if (severityOf('duplicate-paper', config) === null) return result;
  const places = new Map<string, PaperPlaceInDigest[]>();
  for (const { name, doc } of digests) {
    for (const e of doc.entries) {
      if (!e.arxivId) continue;
      const id = baseArxivId(e.arxivId);
      const list = places.get(id) ?? [];
      list.push({ name, line: e.headingRange.start.line });
      places.set(id, list);
    }
  }
  for (const { name, doc } of digests) {
    const problems = duplicatePaperProblems(name, doc, (id) => places.get(id) ?? [], config);
    if (problems.length) result.set(name, problems);
  }
  return result;
}

/** The `duplicate-paper` problems of one digest, given where each paper (base arXiv ID) appears in any digest. */
export function duplicatePaperProblems(name: string, doc: DigestDocument, placesOf: (id: string) => readonly PaperPlaceInDigest[], config: ValidationConfig = {}): Problem[] {
  const severity = severityOf('duplicate-paper', config);
  const problems: Problem[] = [];
  if (severity === null) return problems;
  for (const e of doc.entries) {
    if (!e.arxivId || !e.urlRange) continue;
    const id = baseArxivId(e.arxivId);
    const elsewhere = placesOf(id).filter((p) => p.name !== name);
    if (elsewhere.length === 0) continue;
    const where = elsewhere.slice(0, 3).map((p) => `${p.name}:${p.line + 1}`).join(', ') + (elsewhere.length > 3 ? ` and ${elsewhere.length - 3} more` : '');
    problems.push({ ruleId: 'duplicate-paper', severity, range: e.urlRange, message: `Unexpected paper ${id} that is also in ${where}, expected each paper in one digest` });
  }
  return problems;
}
