// Style drift: an entry whose labels use another style than the document's majority (a hint, never an error).
import { entryRule } from '../types';
import { labelMarkup } from '../../lines';

export default entryRule({ id: 'label-style', name: 'Label style differs from the document', severity: 'hint', fixable: true, ko: '문서와 다른 라벨 형식' }, (entry, ctx) => {
  const majority = ctx.style.labelStyle;
  if (majority !== 'bold' && majority !== 'bold-italic') return;
  const labelled = entry.sections.filter((s) => s.labelStyle === 'bold' || s.labelStyle === 'bold-italic');
  if (labelled.length === 0 || labelled.some((s) => s.labelStyle === majority)) return;
  const edits = labelled.map((s) => ({ range: s.labelRange!, newText: labelMarkup(s.label!, majority) }));
  ctx.report(labelled[0].labelRange!, `Unexpected ${labelled[0].labelStyle} labels in a document written with ${majority} labels, expected \`${labelMarkup(labelled[0].label!, majority)}\``, {
    title: `Write this entry's labels as ${majority}`,
    edits,
  });
});
