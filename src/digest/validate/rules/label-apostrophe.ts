// A label with a typographic apostrophe (`What’s New`) where the canonical label has `'`.
import { entryRule } from '../types';

export default entryRule({ id: 'label-apostrophe', name: 'Typographic apostrophe in label', severity: 'warning', fixable: true, ko: '라벨의 둥근 아포스트로피' }, (entry, ctx) => {
  for (const section of entry.sections) {
    if (!section.labelRange || !section.label || !/[’‘`´]/.test(section.label)) continue;
    const written = ctx.doc.text.slice(section.labelRange.start.offset, section.labelRange.end.offset);
    const fixed = written.replace(/[’‘`´]/g, "'");
    ctx.report(section.labelRange, `Unexpected typographic apostrophe in label \`${section.label}\`, expected \`${section.label.replace(/[’‘`´]/g, "'")}\``, {
      title: "Use a straight apostrophe (')",
      edits: [{ range: section.labelRange, newText: fixed }],
    });
  }
});
