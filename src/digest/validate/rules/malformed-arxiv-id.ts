// An arXiv URL whose ID is not a well-formed arXiv identifier.
import { isValidArxivId } from '../../arxiv';
import { entryRule } from '../types';

export default entryRule({ id: 'malformed-arxiv-id', name: 'Malformed arXiv ID', severity: 'error', fixable: false, ko: '잘못된 arXiv ID' }, (entry, ctx) => {
  if (entry.arxivId !== null && entry.urlRange && !isValidArxivId(entry.arxivId)) {
    ctx.report(entry.urlRange, `Unexpected arXiv ID \`${entry.arxivId}\`, expected YYMM.NNNNN (or an old-style ID such as hep-th/9901001)`);
  }
});
