// Spaces or TABs at the end of a line.
import { msg, textRule } from '../types';

export default textRule({ id: 'trailing-whitespace', name: 'Trailing whitespace', severity: 'hint', fixable: true, ko: '줄 끝 공백' }, (ctx, from, to) => {
  const text = ctx.doc.text;
  // A plain scan from each line end backwards: linear even on very long runs of spaces.
  for (let start = from; start < to || (start === to && to === text.length); ) {
    let nl = text.indexOf('\n', start);
    if (nl === -1 || nl >= to) nl = to;
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    let blankFrom = end;
    while (blankFrom > start && (text[blankFrom - 1] === ' ' || text[blankFrom - 1] === '\t')) blankFrom--;
    if (blankFrom < end) {
      const range = ctx.rangeOf(blankFrom, end);
      ctx.report(range, msg`Unexpected whitespace at the end of the line, expected none`, { title: 'Remove trailing whitespace', edits: [{ range, newText: '' }] });
    }
    start = nl + 1;
  }
});
