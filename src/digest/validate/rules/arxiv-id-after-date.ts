// A paper whose arXiv ID was issued after the digest's date: it cannot have been listed that day.
import { arxivIdMonth } from '../../arxiv';
import { msg, type Rule } from '../types';

export default {
  meta: { id: 'arxiv-id-after-date', name: 'arXiv ID newer than the digest', severity: 'error', fixable: false, ko: '다이제스트보다 새로운 arXiv ID' },
  check(ctx) {
    for (const day of ctx.doc.days) {
      if (!day.dateValid) continue;
      const dayMonth = day.date.slice(0, 7);
      for (const entry of day.entries) {
        const month = entry.arxivId && arxivIdMonth(entry.arxivId);
        if (month && month > dayMonth && entry.urlRange) {
          ctx.report(entry.urlRange, msg`Unexpected arXiv ID \`${entry.arxivId}\` from ${month} in the digest of ${day.date}, expected a paper issued on or before that date`);
        }
      }
    }
  },
} satisfies Rule;
