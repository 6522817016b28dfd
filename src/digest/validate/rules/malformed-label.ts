// A summary label whose stars or colon are wrong, e.g. `***Technical Details*:`.
import { entryRule } from '../types';
import { labelMarkup, preferredStyle } from '../../lines';

export default entryRule({ id: 'malformed-label', name: 'Malformed label', severity: 'error', fixable: true, ko: '잘못된 라벨' }, (entry, ctx) => {
  const style = preferredStyle(ctx.style.labelStyle);
  for (const section of entry.sections) {
    if (section.labelStyle !== 'malformed' || !section.labelRange || !section.label) continue;
    const expected = labelMarkup(section.label, style);
    const written = ctx.doc.text.slice(section.labelRange.start.offset, section.labelRange.end.offset);
    ctx.report(section.labelRange, `Unexpected label markup \`${written}\`, expected \`${expected}\``, {
      title: `Write the label as ${expected}`,
      edits: [{ range: section.labelRange, newText: expected }],
    });
  }
});
