// A day header with no entries under it.
import type { Rule } from '../types';

export default {
  meta: { id: 'empty-day', name: 'Day without entries', severity: 'warning', fixable: false, ko: '항목 없는 날짜 구역' },
  check(ctx) {
    for (const day of ctx.doc.days) {
      if (day.entries.length === 0) ctx.report(day.headerRange, `Unexpected day section \`${day.date}\` with no entries, expected at least one \`### [Title](https://arxiv.org/abs/ID)\``);
    }
  },
} satisfies Rule;
