// An entry heading whose text is not exactly one Markdown link.
import { entryRule } from '../types';

export default entryRule({ id: 'title-not-link', name: 'Title is not a single link', severity: 'error', fixable: false, ko: '링크 하나가 아닌 제목' }, (entry, ctx) => {
  if (!entry.titleIsLink) ctx.report(entry.headingRange, 'Unexpected entry heading that is not a single link, expected `### [Title](https://arxiv.org/abs/ID)`');
});
