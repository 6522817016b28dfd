// The same paper twice in one file: twice in one day, or repeated under a later date (across files: `findDuplicatePapers`).
import { datedPapers } from '../crossFile';
import { msg, type Rule } from '../types';

export default {
  meta: { id: 'duplicate-paper', name: 'Duplicate paper', severity: 'warning', fixable: false, ko: '중복 논문' },
  check(ctx) {
    // One pass for each paper's earliest place (its index), one to report: linear however often a paper repeats.
    const papers = datedPapers(ctx.doc);
    const earliest = new Map<string, number>();
    papers.forEach(({ id, date }, i) => {
      const first = earliest.get(id);
      if (first === undefined || date < papers[first].date) earliest.set(id, i);
    });
    papers.forEach(({ id, date, entry }, i) => {
      const k = earliest.get(id)!;
      if (k === i) return;
      const first = papers[k];
      const line = String(first.entry.headingRange.start.line + 1);
      if (date > first.date) ctx.report(entry.urlRange, msg`Unexpected repeat of paper ${id}, already summarised on ${first.date} at line ${line}, expected each paper on one day`);
      else ctx.report(entry.urlRange, msg`Unexpected second entry for arXiv ${id} on ${date}, expected each paper once (first at line ${line})`);
    });
  },
} satisfies Rule;
