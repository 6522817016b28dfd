// A title linked to the Hugging Face paper page instead of arXiv (early README versions): the ID is still known.
import { arxivAbsUrl, baseArxivId, isHuggingFacePaperUrl } from '../../arxiv';
import { entryRule, msg } from '../types';

export default entryRule({ id: 'title-huggingface-link', name: 'Title links to Hugging Face', severity: 'information', fixable: true, ko: '제목이 Hugging Face로 연결됨' }, (entry, ctx) => {
  if (!entry.url || !entry.urlRange || !entry.arxivId || !isHuggingFacePaperUrl(entry.url)) return;
  const expected = arxivAbsUrl(baseArxivId(entry.arxivId));
  ctx.report(entry.urlRange, msg`Unexpected Hugging Face paper link \`${entry.url}\`, expected the arXiv link \`${expected}\` the generator writes`, {
    title: `Link the title to ${expected}`,
    edits: [{ range: entry.urlRange, newText: expected }],
  });
});
