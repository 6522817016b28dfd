// Spaces or TABs at the end of a line.
import type { Rule } from '../types';

export default {
  meta: { id: 'trailing-whitespace', name: 'Trailing whitespace', severity: 'hint', fixable: true, ko: '줄 끝 공백' },
  check(ctx) {
    const text = ctx.doc.text;
    // A plain scan from each line end backwards: linear even on very long runs of spaces.
    for (let start = 0; start <= text.length; ) {
      let nl = text.indexOf('\n', start);
      if (nl === -1) nl = text.length;
      const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
      let from = end;
      while (from > start && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
      if (from < end) {
        const range = ctx.rangeOf(from, end);
        ctx.report(range, 'Unexpected whitespace at the end of the line, expected none', { title: 'Remove trailing whitespace', edits: [{ range, newText: '' }] });
      }
      start = nl + 1;
    }
  },
} satisfies Rule;
