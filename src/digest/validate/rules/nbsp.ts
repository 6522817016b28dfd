// Non-breaking spaces: invisible, and they break search and line wrapping.
import { msg, textRule } from '../types';
import { NBSP_RUN, unusualCharacters } from '../unusualCharacters';

export default textRule({ id: 'nbsp', name: 'Non-breaking space', severity: 'hint', fixable: true, ko: '줄바꿈 없는 공백' }, (ctx, from, to) => {
  for (const m of unusualCharacters(ctx.doc, NBSP_RUN, from, to)) {
    const range = ctx.rangeOf(m.index, m.index + m[0].length);
    ctx.report(range, msg`Unexpected non-breaking space, expected a plain space`, {
      title: 'Replace with a plain space',
      edits: [{ range, newText: ' '.repeat(m[0].length) }],
    });
  }
});
