// One entry mixing `***X***:` and `**X**:` labels.
import { entryRule } from '../types';
import { labelMarkup } from '../../lines';

export default entryRule({ id: 'mixed-label-styles', name: 'Mixed label styles', severity: 'warning', fixable: true, ko: '섞인 라벨 형식' }, (entry, ctx) => {
  const labelled = entry.sections.filter((s) => s.labelStyle === 'bold' || s.labelStyle === 'bold-italic');
  const boldItalic = labelled.filter((s) => s.labelStyle === 'bold-italic').length;
  if (boldItalic === 0 || boldItalic === labelled.length) return;
  // The entry's own majority wins; on a tie, the document's.
  const bold = labelled.length - boldItalic;
  const style = bold > boldItalic || (bold === boldItalic && ctx.style.labelStyle === 'bold') ? 'bold' : 'bold-italic';
  const odd = labelled.filter((s) => s.labelStyle !== style);
  const edits = odd.map((s) => ({ range: s.labelRange!, newText: labelMarkup(s.label!, style) }));
  for (const s of odd) {
    ctx.report(s.labelRange!, `Unexpected ${s.labelStyle} label in an entry whose labels are ${style}, expected \`${labelMarkup(s.label!, style)}\``, {
      title: `Write this entry's labels as ${style}`,
      edits,
    });
  }
});
