// The same paper twice in one file: twice in one day, or repeated under a later date (across files: `findDuplicatePapers`).
import { datedPapers } from '../crossFile';
import { msg, type Rule } from '../types';

export default {
  meta: { id: 'duplicate-paper', name: 'Duplicate paper', severity: 'warning', fixable: false, ko: '중복 논문' },
  check(ctx) {
    // One pass for each paper's earliest date and place, one to report: linear however often a paper repeats.
    const earliest = new Map<string, { date: string; line: number }>();
    for (const { id, date, entry } of datedPapers(ctx.doc)) {
      const first = earliest.get(id);
      if (!first || date < first.date) earliest.set(id, { date, line: entry.headingRange.start.line });
    }
    for (const { id, date, entry } of datedPapers(ctx.doc)) {
      const first = earliest.get(id)!;
      const line = String(first.line + 1);
      if (date > first.date) ctx.report(entry.urlRange, msg`Unexpected repeat of paper ${id}, already summarised on ${first.date} at line ${line}, expected each paper on one day`);
      else if (entry.headingRange.start.line !== first.line) ctx.report(entry.urlRange, msg`Unexpected second entry for arXiv ${id} on ${date}, expected each paper once (first at line ${line})`);
    }
  },
} satisfies Rule;
