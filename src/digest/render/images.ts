// Which remote images a rendered digest may load (the `dailyPapers.preview.remoteImages` setting): each image is a
// request to its host, which learns the reader's address, so by default only the paper-thumbnail hosts are asked.

/** `paperThumbnails`: only the hosts digests take paper images from; `all`: any https host; `none`: no remote image. */
export type RemoteImages = 'paperThumbnails' | 'all' | 'none';

export const REMOTE_IMAGES_VALUES: readonly RemoteImages[] = ['paperThumbnails', 'all', 'none'];

/** The hosts of paper thumbnails and figures in digests (Hugging Face's CDNs, arXiv). */
export const PAPER_IMAGE_HOSTS = ['cdn-thumbnails.huggingface.co', 'cdn-uploads.huggingface.co', 'arxiv.org'] as const;

/**
 * The image URL to load, normalised, or null when the policy forbids it: https only, and `//host/x`
 * (protocol-relative, which would take the page's scheme) read as https.
 */
export function allowedImageUrl(url: string | null | undefined, policy: RemoteImages): string | null {
  if (!url || policy === 'none') return null;
  let parsed: URL;
  try {
    const trimmed = url.trim();
    parsed = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
  if (policy === 'paperThumbnails' && !(PAPER_IMAGE_HOSTS as readonly string[]).includes(parsed.hostname)) return null;
  return parsed.href;
}

/** The CSP `img-src` directive that enforces the same policy in the page (a second wall behind the sanitizer). */
export function imgSrcDirective(policy: RemoteImages): string {
  if (policy === 'none') return "img-src 'none'";
  if (policy === 'all') return 'img-src https:';
  return `img-src ${PAPER_IMAGE_HOSTS.map((h) => `https://${h}`).join(' ')}`;
}
