// Small HTML helpers for the renderers: URL checks, element ids, `{0}` formatting, the pages' common head.
import { escapeHtml } from './markdown';

export { escapeHtml };

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

export interface HeadOptions {
  readonly lang: string;
  /** The Content-Security-Policy, as the meta element states it. */
  readonly csp: string;
  readonly title: string;
  /** The page's initial state, in an escaped `data-init` attribute of `<meta id="dp-init">`. */
  readonly init?: unknown;
  readonly styleUri?: string;
  /** A stylesheet inlined (the standalone HTML export has no files beside it). */
  readonly css?: string;
}

/** The start of every page we make (preview, insights, HTML export) up to `<body>`: language, CSP, no referrer. */
export function documentHead(o: HeadOptions): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(o.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(o.csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    ...(o.init === undefined ? [] : [`<meta id="dp-init" data-init="${escapeHtml(JSON.stringify(o.init))}">`]),
    ...(o.styleUri === undefined ? [] : [`<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">`]),
    `<title>${escapeHtml(o.title)}</title>`,
    ...(o.css === undefined ? [] : [`<style>${o.css.replace(/<\/style/gi, '<\\/style')}</style>`]),
    '</head>',
  ];
}
