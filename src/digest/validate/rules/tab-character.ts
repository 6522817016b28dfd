// A TAB inside text, typically a `\t` escape that ate the backslash of `\text`, `\times` or `\tau`.
import type { Rule } from '../types';

export default {
  meta: { id: 'tab-character', name: 'TAB inside text', severity: 'warning', fixable: true },
  check(ctx) {
    const text = ctx.doc.text;
    for (let i = text.indexOf('\t'); i !== -1; i = text.indexOf('\t', i + 1)) {
      const lineStart = text.lastIndexOf('\n', i) + 1;
      const before = text.slice(lineStart, i);
      // Indentation and the gap after a field name are layout, not text.
      if (/^[ \t]*$/.test(before) || /^(?:Vote|Authors):[ \t]*$/.test(before)) continue;
      const range = ctx.rangeOf(i, i + 1);
      const latex = /[a-z]/.test(text[i + 1] ?? '');
      ctx.report(range, `Unexpected TAB inside text, expected ${latex ? 'the `\\t` it was escaped from' : 'a space'}`, {
        title: latex ? 'Replace the TAB with \\t' : 'Replace the TAB with a space',
        edits: [{ range, newText: latex ? '\\t' : ' ' }],
      });
    }
  },
} satisfies Rule;
