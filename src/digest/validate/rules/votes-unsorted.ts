// Entries of a day not sorted by votes, highest first (off by default: unsorted days are common and legitimate).
import type { Rule } from '../types';

export default {
  meta: { id: 'votes-unsorted', name: 'Votes not sorted', severity: 'off', fixable: false, ko: '투표수 순이 아님' },
  check(ctx) {
    for (const day of ctx.doc.days) {
      let previous: number | null = null;
      for (const entry of day.entries) {
        const votes = entry.vote?.value ?? null;
        if (votes === null) continue;
        if (previous !== null && votes > previous && entry.vote) {
          ctx.report(entry.vote.range, `Unexpected ${votes} votes after an entry with ${previous}, expected the day's entries sorted by votes, highest first`);
        }
        previous = votes;
      }
    }
  },
} satisfies Rule;
