// The same paper twice in one file (cross-file duplicates are found by `findDuplicatePapers`).
import { baseArxivId } from '../../arxiv';
import type { Rule } from '../types';

export default {
  meta: { id: 'duplicate-paper', name: 'Duplicate paper', severity: 'warning', fixable: false, ko: '중복 논문' },
  check(ctx) {
    const first = new Map<string, number>();
    for (const entry of ctx.doc.entries) {
      if (!entry.arxivId || !entry.urlRange) continue;
      const id = baseArxivId(entry.arxivId);
      const line = first.get(id);
      if (line === undefined) first.set(id, entry.headingRange.start.line);
      else ctx.report(entry.urlRange, `Unexpected second entry for arXiv ${id}, expected each paper once (first at line ${line + 1})`);
    }
  },
} satisfies Rule;
