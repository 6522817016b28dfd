// Lines the parser could not place: text between a day header and its first entry, or before an entry's bullets.
import type { UnrecognizedLine } from '../../types';
import { msg, type Rule } from '../types';

export default {
  meta: { id: 'unrecognized-line', name: 'Unrecognised line', severity: 'warning', fixable: false, ko: '알 수 없는 줄' },
  check(ctx) {
    const report = (u: UnrecognizedLine) =>
      ctx.report(u.range, msg`Unexpected text that is not a field of the digest, expected a thumbnail, \`Vote:\`, \`Authors:\` or a \`- \` summary bullet`);
    for (const day of ctx.doc.days) day.unrecognized.forEach(report);
    for (const entry of ctx.doc.entries) entry.unrecognized.forEach(report);
  },
} satisfies Rule;
