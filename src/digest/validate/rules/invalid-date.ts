// A day header whose date is not a real calendar date (`2025-02-30`, `2025-1-5`).
import type { Rule } from '../types';

export default {
  meta: { id: 'invalid-date', name: 'Invalid day date', severity: 'error', fixable: false, ko: '잘못된 날짜' },
  check(ctx) {
    for (const day of ctx.doc.days) {
      if (!day.dateValid) ctx.report(day.dateRange, `Unexpected date \`${day.date}\`, expected a real calendar date as YYYY-MM-DD`);
    }
  },
} satisfies Rule;
