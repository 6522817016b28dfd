// Non-breaking spaces: invisible, and they break search and line wrapping.
import type { Rule } from '../types';

export default {
  meta: { id: 'nbsp', name: 'Non-breaking space', severity: 'hint', fixable: true, ko: '줄바꿈 없는 공백' },
  check(ctx) {
    for (const m of ctx.doc.text.matchAll(/\u00a0+/g)) {
      const range = ctx.rangeOf(m.index, m.index + m[0].length);
      ctx.report(range, 'Unexpected non-breaking space, expected a plain space', {
        title: 'Replace with a plain space',
        edits: [{ range, newText: ' '.repeat(m[0].length) }],
      });
    }
  },
} satisfies Rule;
