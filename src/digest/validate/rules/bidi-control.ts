// Bidirectional control characters (U+202A–U+202E, U+2066–U+2069): invisible, they reorder how text displays, so a
// title or a link can show something else than it says ("Trojan Source"). No digest needs them.
import { textRule } from '../types';
import { BIDI_CONTROL, unusualCharacters } from '../unusualCharacters';

export default textRule({ id: 'bidi-control', name: 'Bidirectional control character', severity: 'warning', fixable: true, ko: '양방향 제어 문자' }, (ctx, from, to) => {
  for (const m of unusualCharacters(ctx.doc, BIDI_CONTROL, from, to)) {
    const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase()}`;
    const range = ctx.rangeOf(m.index, m.index + 1);
    ctx.report(range, `Unexpected bidirectional control character ${code} that reorders the displayed text, expected none`, {
      title: `Remove ${code}`,
      edits: [{ range, newText: '' }],
    });
  }
});
