// A summary bullet left in English in a digest whose summaries are Korean.
import { entryRule, msg } from '../types';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

export function hasHangul(s: string): boolean {
  return HANGUL.test(s);
}

export default entryRule({ id: 'english-summary', name: 'Summary not translated', severity: 'information', fixable: false }, (entry, ctx) => {
  if (!ctx.style.korean) return;
  for (const section of entry.sections) {
    if (hasHangul(section.text) || (section.text.match(/[A-Za-z]{2,}/g)?.length ?? 0) < 4) continue;
    const lineEnd = ctx.doc.text.indexOf('\n', section.textStart.offset);
    const end = Math.min(lineEnd === -1 ? section.range.end.offset : lineEnd, section.range.end.offset);
    ctx.report(ctx.rangeOf(section.textStart.offset, end), msg`Unexpected English summary in a Korean digest, expected a Korean translation`);
  }
});
