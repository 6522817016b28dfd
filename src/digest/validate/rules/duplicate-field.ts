// A field given twice in one entry (two thumbnails, two `Vote:` or two `Authors:` lines).
import { entryRule } from '../types';

export default entryRule({ id: 'duplicate-field', name: 'Duplicate field', severity: 'error', fixable: false, ko: '중복 필드' }, (entry, ctx) => {
  const seen = new Set<string>();
  for (const field of entry.fields) {
    if (field.kind === 'summary') continue;
    if (seen.has(field.kind)) ctx.report(field.range, `Unexpected second ${field.kind === 'media' ? 'thumbnail or video' : `\`${field.kind === 'vote' ? 'Vote' : 'Authors'}:\``} line, expected one per entry`);
    seen.add(field.kind);
  }
});
