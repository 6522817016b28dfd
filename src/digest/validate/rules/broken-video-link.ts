// `[Watch Video]URL` without parentheses: a broken Markdown link.
import { entryRule } from '../types';

export default entryRule({ id: 'broken-video-link', name: 'Broken video link', severity: 'error', fixable: true, ko: '깨진 동영상 링크' }, (entry, ctx) => {
  for (const media of entry.media) {
    if (media.form !== 'video-broken-link') continue;
    const line = { start: media.range.start, end: media.urlRange.end };
    ctx.report(line, 'Unexpected `[Watch Video]URL`, expected `[Watch Video](URL)`', {
      title: 'Put the URL in parentheses',
      edits: [{ range: line, newText: `[Watch Video](${media.url})` }],
    });
  }
});
