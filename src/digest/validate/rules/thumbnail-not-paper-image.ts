// An image line that shows a user avatar or a video file instead of the paper's thumbnail.
import { thumbnailUrl } from '../../arxiv';
import { entryRule } from '../types';

const VIDEO_FILE = /\.(?:qt|webm|mp4|mov)(?:[?#].*)?$/i;

function whatItIs(url: string): string | null {
  if (/^https?:\/\/cdn-avatars\.huggingface\.co\//i.test(url) || /(?:^|\/)avatars\//i.test(url)) return 'a user avatar';
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return 'a relative URL';
  if (VIDEO_FILE.test(url)) return 'a video file';
  return null;
}

export default entryRule({ id: 'thumbnail-not-paper-image', name: 'Thumbnail is not a paper image', severity: 'warning', fixable: true, ko: '논문 이미지가 아닌 썸네일' }, (entry, ctx) => {
  for (const media of entry.media) {
    if (media.kind !== 'image') continue;
    const what = whatItIs(media.url);
    if (!what) continue;
    const fix = entry.arxivId
      ? { title: 'Use the paper thumbnail', edits: [{ range: media.urlRange, newText: thumbnailUrl(entry.arxivId) }] }
      : undefined;
    ctx.report(media.urlRange, `Unexpected thumbnail that is ${what}, expected the paper image (cdn-thumbnails…/papers/ID.png)`, fix);
  }
});
