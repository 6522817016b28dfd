// `**` or `***` left in a bullet's text that renders literally (often the rest of a broken label).
import { strayEmphasis } from '../../emphasis';
import type { SummarySection } from '../../types';
import { entryRule, msg, type RuleContext } from '../types';
import type { TextEdit } from '../../types';

/** Edits deleting the stray markers of a bullet (shared with the malformed-label fix, which leaves none behind). */
export function strayEmphasisEdits(section: SummarySection, ctx: RuleContext): TextEdit[] {
  const start = section.textStart.offset;
  return strayEmphasis(ctx.doc.text.slice(start, section.range.end.offset)).map((s) => ({ range: ctx.rangeOf(start + s.start, start + s.end), newText: '' }));
}

export default entryRule({ id: 'stray-emphasis', name: 'Stray emphasis markers', severity: 'warning', fixable: true, ko: '남은 강조 기호' }, (entry, ctx) => {
  for (const section of entry.sections) {
    for (const edit of strayEmphasisEdits(section, ctx)) {
      const written = ctx.doc.text.slice(edit.range.start.offset, edit.range.end.offset);
      ctx.report(edit.range, msg`Unexpected \`${written}\` that shows literally (it opens or closes no emphasis), expected no stray emphasis markers`, {
        title: `Remove the stray ${written}`,
        edits: [edit],
      });
    }
  }
});
