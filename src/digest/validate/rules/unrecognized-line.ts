// Lines the parser could not place: text between a day header and its first entry, or before an entry's bullets.
import type { Rule } from '../types';

export default {
  meta: { id: 'unrecognized-line', name: 'Unrecognised line', severity: 'warning', fixable: false, ko: '알 수 없는 줄' },
  check(ctx) {
    const lines = [...ctx.doc.days.flatMap((d) => d.unrecognized), ...ctx.doc.entries.flatMap((e) => e.unrecognized)];
    for (const u of lines) {
      ctx.report(u.range, 'Unexpected text that is not a field of the digest, expected a thumbnail, `Vote:`, `Authors:` or a `- ` summary bullet');
    }
  },
} satisfies Rule;
