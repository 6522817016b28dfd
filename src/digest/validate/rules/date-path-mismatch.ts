// A day header whose date disagrees with the file's `…/YYYY/MM/DD.md` path.
import type { Rule } from '../types';

export default {
  meta: { id: 'date-path-mismatch', name: 'Date differs from file path', severity: 'warning', fixable: true, ko: '파일 경로와 다른 날짜' },
  check(ctx) {
    const m = ctx.path && /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\.md$/i.exec(ctx.path);
    if (!m) return;
    const expected = `${m[1]}-${m[2]}-${m[3]}`;
    for (const day of ctx.doc.days) {
      if (day.date === expected) continue;
      ctx.report(day.dateRange, `Unexpected date \`${day.date}\` in a file at ${m[1]}/${m[2]}/${m[3]}.md, expected \`${expected}\``, {
        title: `Change the date to ${expected}`,
        edits: [{ range: day.dateRange, newText: expected }],
      });
    }
  },
} satisfies Rule;
