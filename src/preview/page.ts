// The preview page's HTML: strict CSP with a per-render nonce, toolbar, first paint, and the escaped init data.
import { documentHead, escapeHtml } from '../digest/render/html';
import { imgSrcDirective, type RemoteImages } from '../digest/render/images';
import type { PageInit } from './protocol';

export interface ToolbarStrings {
  readonly controls: string;
  readonly filterLabel: string;
  readonly filterPlaceholder: string;
  readonly sort: string;
  readonly sortFile: string;
  readonly sortVotes: string;
  readonly thumbnails: string;
  readonly expandAll: string;
  readonly collapseAll: string;
  readonly noMatches: string;
  readonly notADigest: string;
}

export const DEFAULT_TOOLBAR_STRINGS: ToolbarStrings = {
  controls: 'Preview controls',
  filterLabel: 'Filter papers',
  filterPlaceholder: 'Filter by title, author or ID',
  sort: 'Sort',
  sortFile: 'File order',
  sortVotes: 'Votes',
  thumbnails: 'Thumbnails',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  noMatches: 'No papers match the filter.',
  notADigest: 'This document holds no Daily Papers entries.',
};

export interface PageOptions {
  readonly nonce: string;
  /** The webview's resource origin (`webview.cspSource`); with `localResourceRoots` = media/ only. */
  readonly cspSource: string;
  /** The remote-images policy, enforced again by the CSP's img-src. */
  readonly remoteImages?: RemoteImages;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
  readonly lang: string;
  readonly bodyHtml: string;
  readonly init: PageInit;
  readonly strings: ToolbarStrings;
}

/** A nonce of 128 random bits from the platform's CSPRNG (never Math.random). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  // btoa, not Buffer: the same code runs in the web extension host.
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, cspSource: string, remoteImages: RemoteImages = 'paperThumbnails'): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    imgSrcDirective(remoteImages),
    'media-src https:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function toolbarHtml(s: ToolbarStrings, init: PageInit): string {
  const thumbs = init.settings.showThumbnails;
  return (
    `<header class="toolbar" aria-label="${escapeHtml(s.controls)}">` +
    `<form class="filter" role="search"><label class="sr-only" for="dp-filter">${escapeHtml(s.filterLabel)}</label>` +
    `<input id="dp-filter" type="search" placeholder="${escapeHtml(s.filterPlaceholder)}" autocomplete="off" spellcheck="false"></form>` +
    `<label class="sort">${escapeHtml(s.sort)} <select id="dp-sort"><option value="file">${escapeHtml(s.sortFile)}</option><option value="votes">${escapeHtml(s.sortVotes)}</option></select></label>` +
    `<button type="button" id="dp-thumbs" aria-pressed="${thumbs}">${escapeHtml(s.thumbnails)}</button>` +
    `<button type="button" id="dp-expand">${escapeHtml(s.expandAll)}</button>` +
    `<button type="button" id="dp-collapse">${escapeHtml(s.collapseAll)}</button>` +
    `<span id="dp-count" class="count" role="status" aria-live="polite"></span>` +
    `</header>`
  );
}

export function previewPageHtml(o: PageOptions): string {
  const empty = o.init.days.length === 0;
  return [
    ...documentHead({ lang: o.lang, csp: contentSecurityPolicy(o.nonce, o.cspSource, o.remoteImages), title: o.title, init: o.init, styleUri: o.styleUri }),
    `<body class="dp-preview${o.init.settings.showThumbnails ? '' : ' no-thumbs'}">`,
    toolbarHtml(o.strings, o.init),
    `<main id="dp-main" class="digest" aria-label="${escapeHtml(o.title)}">${o.bodyHtml}</main>`,
    `<p id="dp-empty" class="empty" hidden>${escapeHtml(o.strings.noMatches)}</p>`,
    `<p id="dp-none" class="empty"${empty ? '' : ' hidden'}>${escapeHtml(o.strings.notADigest)}</p>`,
    `<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/**
 * The page for a digest above `dailyPapers.preview.maxSize`: a message and no script, so a huge file never
 * ties up the extension host or the page (the outline and diagnostics keep working).
 */
export function tooLargePageHtml(cspSource: string, styleUri: string, message: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource};">`,
    `<link rel="stylesheet" href="${escapeHtml(styleUri)}">`,
    `</head><body><main><p class="empty">${escapeHtml(message)}</p></main></body></html>`,
  ].join('');
}
