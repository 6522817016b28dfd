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

/** Problems keyed by digest name: each entry whose paper also appears in another of the digests. */
export function findDuplicatePapers(digests: readonly NamedDigest[], config: ValidationConfig = {}): Map<string, Problem[]> {
  const result = new Map<string, Problem[]>();
  const severity = severityOf('duplicate-paper', config);
  if (severity === null) return result;
  const places = new Map<string, { name: string; line: number }[]>();
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
    for (const e of doc.entries) {
      if (!e.arxivId || !e.urlRange) continue;
      const id = baseArxivId(e.arxivId);
      const elsewhere = (places.get(id) ?? []).filter((p) => p.name !== name);
      if (elsewhere.length === 0) continue;
      const where = elsewhere.slice(0, 3).map((p) => `${p.name}:${p.line + 1}`).join(', ') + (elsewhere.length > 3 ? ` and ${elsewhere.length - 3} more` : '');
      const problem: Problem = { ruleId: 'duplicate-paper', severity, range: e.urlRange, message: `Unexpected paper ${id} that is also in ${where}, expected each paper in one digest` };
      result.set(name, [...(result.get(name) ?? []), problem]);
    }
  }
  return result;
}
