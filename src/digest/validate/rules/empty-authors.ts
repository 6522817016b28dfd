// `Authors:` with no names.
import { entryRule, msg } from '../types';

export default entryRule({ id: 'empty-authors', name: 'Empty authors', severity: 'error', fixable: false, ko: '빈 저자' }, (entry, ctx) => {
  if (entry.authors && entry.authors.names.length === 0 && !entry.authors.omitted) {
    ctx.report(entry.authors.range, msg`Unexpected empty \`Authors:\`, expected a comma-separated list of names`);
  }
});
