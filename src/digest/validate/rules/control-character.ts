// Control characters left by `\b`, `\f` (and friends) escapes: `\benchmark` became BACKSPACE + `enchmark`.
import { msg, textRule } from '../types';
import { CONTROL_CHARACTER, unusualCharacters } from '../unusualCharacters';

/** What the escape most likely was, so the fix restores the LaTeX text. */
const RESTORE: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a' };

export default textRule({ id: 'control-character', name: 'Control character', severity: 'error', fixable: true, ko: '제어 문자' }, (ctx, from, to) => {
  for (const m of unusualCharacters(ctx.doc, CONTROL_CHARACTER, from, to)) {
    const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const range = ctx.rangeOf(m.index, m.index + 1);
    const restored = RESTORE[m[0]];
    ctx.report(range, restored ? msg`Unexpected control character ${code}, expected the text \`${restored}\` it was escaped from` : msg`Unexpected control character ${code}, expected printable text`, {
      title: restored ? `Replace ${code} with ${restored}` : `Remove ${code}`,
      edits: [{ range, newText: restored ?? '' }],
    });
  }
});
