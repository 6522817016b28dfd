// A TAB inside text, typically a `\t` escape that ate the backslash of `\text`, `\times` or `\tau`.
import { msg, textRule } from '../types';

function isIndentation(text: string, from: number, to: number): boolean {
  for (let k = to - 1; k >= from; k--) if (text[k] !== ' ' && text[k] !== '\t') return false;
  return true;
}

export default textRule({ id: 'tab-character', name: 'TAB inside text', severity: 'warning', fixable: true, ko: '본문 안의 TAB' }, (ctx, from, to) => {
  const text = ctx.doc.text;
  let lineStart = from;
  let searchedTo = from;
  // Search the segment only: an entry's check never reads past its lines.
  const part = text.slice(from, to);
  for (let k = part.indexOf('\t'); k !== -1; k = part.indexOf('\t', k + 1)) {
    const i = from + k;
    // Move the line start forward only: linear even with many TABs on one long line.
    for (let nl = text.indexOf('\n', searchedTo); nl !== -1 && nl < i; nl = text.indexOf('\n', nl + 1)) lineStart = nl + 1;
    searchedTo = i;
    const before = text.slice(Math.max(lineStart, i - 12), i);
    // Indentation and the gap after a field name are layout, not text.
    if (isIndentation(text, lineStart, i) || (i - lineStart <= 12 && /^(?:Vote|Authors):[ \t]*$/.test(before))) continue;
    const range = ctx.rangeOf(i, i + 1);
    const latex = /[a-z]/.test(text[i + 1] ?? '');
    ctx.report(range, latex ? msg`Unexpected TAB inside text, expected the \`\\t\` it was escaped from` : msg`Unexpected TAB inside text, expected a space`, {
      title: latex ? 'Replace the TAB with \\t' : 'Replace the TAB with a space',
      edits: [{ range, newText: latex ? '\\t' : ' ' }],
    });
  }
});
