// Small HTML helpers for the renderers: URL checks, element ids, `{0}` formatting.
export { escapeHtml } from './markdown';

/** The URL normalised, when it parses and uses one of `protocols` (`https:`); otherwise null. */
export function safeUrl(url: string | null | undefined, protocols: readonly string[]): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return protocols.includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export const HTTP = ['http:', 'https:'] as const;
export const HTTPS = ['https:'] as const;

/** A short DOM id derived from an outline id (FNV-1a), so that ids never carry user text. */
export function domId(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return `dp-${(h >>> 0).toString(36)}`;
}

export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}
