// A summary bullet left in English in a digest whose summaries are Korean.
import { hasHangul } from '../../style';
import { entryRule } from '../types';

export default entryRule({ id: 'english-summary', name: 'Summary not translated', severity: 'information', fixable: false, ko: '번역되지 않은 요약' }, (entry, ctx) => {
  if (!ctx.style.korean) return;
  for (const section of entry.sections) {
    if (hasHangul(section.text) || (section.text.match(/[A-Za-z]{2,}/g)?.length ?? 0) < 4) continue;
    const lineEnd = ctx.doc.text.indexOf('\n', section.textStart.offset);
    const end = Math.min(lineEnd === -1 ? section.range.end.offset : lineEnd, section.range.end.offset);
    ctx.report(ctx.rangeOf(section.textStart.offset, end), 'Unexpected English summary in a Korean digest, expected a Korean translation');
  }
});
