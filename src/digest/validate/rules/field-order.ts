// Fields in the wrong order: thumbnail or video, then `Vote:`, then `Authors:`, then the summary bullets.
import type { FieldKind } from '../../types';
import { entryRule } from '../types';

const RANK: Record<FieldKind, number> = { media: 0, vote: 1, authors: 2, summary: 3 };
const NAME: Record<FieldKind, string> = { media: 'the thumbnail', vote: '`Vote:`', authors: '`Authors:`', summary: 'the summary' };

export default entryRule({ id: 'field-order', name: 'Fields out of order', severity: 'warning', fixable: false, ko: '순서가 틀린 필드' }, (entry, ctx) => {
  let latest: FieldKind | null = null;
  for (const field of entry.fields) {
    if (latest !== null && RANK[field.kind] < RANK[latest]) {
      ctx.report(field.range, `Unexpected ${NAME[field.kind]} after ${NAME[latest]}, expected thumbnail, Vote, Authors, then summary`);
    } else {
      latest = field.kind;
    }
  }
});
