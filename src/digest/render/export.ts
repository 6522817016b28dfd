// A digest as one self-contained HTML file: the preview's markup and CSS inlined, no scripts at all.
import type { DigestDocument } from '../types';
import { digestBodyHtml, renderDigest } from './digest';
import { documentHead, escapeHtml } from './html';
import { imgSrcDirective, type RemoteImages } from './images';
import { DEFAULT_RENDER_OPTIONS, type RenderOptions } from './types';

export interface ExportOptions {
  /** The preview's stylesheet (media/preview.css), inlined. */
  readonly css: string;
  readonly title: string;
  readonly render?: RenderOptions;
}

/**
 * Everything but inline styles, https videos and the images the remote-images policy allows is forbidden: even a
 * renderer bug could run nothing and load nothing else.
 */
export const exportCsp = (remoteImages: RemoteImages): string => `default-src 'none'; ${imgSrcDirective(remoteImages)}; media-src https:; style-src 'unsafe-inline'`;
export const EXPORT_CSP = exportCsp('paperThumbnails');

/** Korean when the summaries are (as in the real corpus), so screen readers pick the right voice. */
export function documentLanguage(text: string): string {
  // Counted up to the 21st only: a 1 MB digest has some 200,000, and matching them all held the host 40-70 ms (plus
  // the collection of as many strings) before each preview's first paint.
  const hangul = /[\uAC00-\uD7A3]/g;
  for (let seen = 0; seen <= 20; seen++) if (!hangul.exec(text)) return 'en';
  return 'ko';
}

export function exportDigestHtml(doc: DigestDocument, options: ExportOptions): string {
  const render = options.render ?? DEFAULT_RENDER_OPTIONS;
  const body = digestBodyHtml(renderDigest(doc, render));
  return [
    ...documentHead({ lang: documentLanguage(doc.text), csp: exportCsp(render.remoteImages), title: options.title, css: options.css }),
    '<body class="dp-export">',
    `<main class="digest" aria-label="${escapeHtml(options.title)}">${body}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
