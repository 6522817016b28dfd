// A bare `<video>` tag instead of the video template (`[Watch Video](URL)` and the `<div><video …>` line).
import { entryRule } from '../types';

export const videoTemplate = (url: string, eol: string) =>
  `[Watch Video](${url})${eol}<div><video controls src="${url}" muted="false"></video></div>`;

export default entryRule({ id: 'raw-video-tag', name: 'Raw video tag', severity: 'warning', fixable: true, ko: '날것의 video 태그' }, (entry, ctx) => {
  for (const media of entry.media) {
    if (media.form !== 'video-tag') continue;
    // The line's own ending (not the document's): the result must depend on the entry alone.
    const eol = ctx.doc.text[media.range.end.offset] === '\r' ? '\r\n' : '\n';
    ctx.report(media.range, 'Unexpected raw `<video>` tag, expected the video template `[Watch Video](URL)` with its `<div><video controls …>` line', {
      title: 'Replace with the video template',
      edits: [{ range: media.range, newText: videoTemplate(media.url, eol) }],
    });
  }
});
