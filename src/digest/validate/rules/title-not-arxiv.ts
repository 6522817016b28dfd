// An entry title that links somewhere other than arxiv.org.
import { entryRule } from '../types';

export default entryRule({ id: 'title-not-arxiv', name: 'Title does not link to arXiv', severity: 'error', fixable: false, ko: 'arXiv로 연결되지 않는 제목' }, (entry, ctx) => {
  if (entry.titleIsLink && entry.arxivId === null && entry.urlRange) {
    ctx.report(entry.urlRange, `Unexpected link target \`${entry.url}\`, expected an arXiv abstract URL \`https://arxiv.org/abs/ID\``);
  }
});
