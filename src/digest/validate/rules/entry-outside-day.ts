// An entry heading that stands before any day header or after the day section ended.
import type { Rule } from '../types';

export default {
  meta: { id: 'entry-outside-day', name: 'Entry outside a day section', severity: 'error', fixable: false, ko: '날짜 구역 밖의 항목' },
  check(ctx) {
    for (const entry of ctx.doc.orphanEntries) {
      ctx.report(entry.headingRange, 'Unexpected entry outside any day section, expected it under a `## Daily Papers (YYYY-MM-DD)` header');
    }
  },
} satisfies Rule;
