// A `cdn-thumbnails` paper image whose ID is not the entry's own.
import { baseArxivId, thumbnailUrl } from '../../arxiv';
import { entryRule } from '../types';

const PAPER_THUMBNAIL = /^https:\/\/cdn-thumbnails\.huggingface\.co\/social-thumbnails\/papers\/([^/]+?)\.png$/;

export default entryRule({ id: 'thumbnail-id-mismatch', name: 'Thumbnail of another paper', severity: 'error', fixable: true, ko: '다른 논문의 썸네일' }, (entry, ctx) => {
  if (!entry.arxivId) return;
  const expected = baseArxivId(entry.arxivId);
  for (const media of entry.media) {
    const m = PAPER_THUMBNAIL.exec(media.url);
    if (!m || m[1] === expected) continue;
    ctx.report(media.urlRange, `Unexpected thumbnail of paper ${m[1]}, expected the entry's own ${expected}`, {
      title: `Use the thumbnail of ${expected}`,
      edits: [{ range: media.urlRange, newText: thumbnailUrl(expected) }],
    });
  }
});
