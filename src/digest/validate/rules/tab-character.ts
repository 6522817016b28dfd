// A TAB inside text, typically a `\t` escape that ate the backslash of `\text`, `\times` or `\tau`.
import type { Rule } from '../types';

function isIndentation(text: string, from: number, to: number): boolean {
  for (let k = to - 1; k >= from; k--) if (text[k] !== ' ' && text[k] !== '\t') return false;
  return true;
}

export default {
  meta: { id: 'tab-character', name: 'TAB inside text', severity: 'warning', fixable: true, ko: '본문 안의 TAB' },
  check(ctx) {
    const text = ctx.doc.text;
    let lineStart = 0;
    let searchedTo = 0;
    for (let i = text.indexOf('\t'); i !== -1; i = text.indexOf('\t', i + 1)) {
      // Move the line start forward only: linear even with many TABs on one long line.
      for (let nl = text.indexOf('\n', searchedTo); nl !== -1 && nl < i; nl = text.indexOf('\n', nl + 1)) lineStart = nl + 1;
      searchedTo = i;
      const before = text.slice(Math.max(lineStart, i - 12), i);
      // Indentation and the gap after a field name are layout, not text.
      if (isIndentation(text, lineStart, i) || (i - lineStart <= 12 && /^(?:Vote|Authors):[ \t]*$/.test(before))) continue;
      const range = ctx.rangeOf(i, i + 1);
      const latex = /[a-z]/.test(text[i + 1] ?? '');
      ctx.report(range, `Unexpected TAB inside text, expected ${latex ? 'the `\\t` it was escaped from' : 'a space'}`, {
        title: latex ? 'Replace the TAB with \\t' : 'Replace the TAB with a space',
        edits: [{ range, newText: latex ? '\\t' : ' ' }],
      });
    }
  },
} satisfies Rule;
