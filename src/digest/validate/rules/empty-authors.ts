// `Authors:` with no names.
import { entryRule } from '../types';

export default entryRule({ id: 'empty-authors', name: 'Empty authors', severity: 'error', fixable: false, ko: '빈 저자' }, (entry, ctx) => {
  if (entry.authors && entry.authors.names.length === 0) {
    ctx.report(entry.authors.range, 'Unexpected empty `Authors:`, expected a comma-separated list of names');
  }
});
