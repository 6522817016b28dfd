// The dashboard's HTML: the preview's CSP and nonce, the range controls, and the init data in an escaped attribute.
// Everything else (charts, lists, tables) the page's script builds from the host's data, as text.
import { documentHead, escapeHtml } from '../digest/render/html';
import { contentSecurityPolicy } from '../preview/page';
import type { InsightsInit } from './protocol';

export interface InsightsPageOptions {
  readonly nonce: string;
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly lang: string;
  readonly init: InsightsInit;
}

export function insightsPageHtml(o: InsightsPageOptions): string {
  const s = o.init.strings;
  const e = escapeHtml;
  return [
    ...documentHead({ lang: o.lang, csp: contentSecurityPolicy(o.nonce, o.cspSource), title: s.title, init: o.init, styleUri: o.styleUri }),
    '<body class="dp-insights">',
    `<header class="toolbar" aria-label="${e(s.range)}">`,
    `<label>${e(s.preset)} <select id="dp-preset"><option value="month">${e(s.presetMonth)}</option><option value="quarter">${e(s.presetQuarter)}</option>` +
      `<option value="all" selected>${e(s.presetAll)}</option><option value="custom">${e(s.presetCustom)}</option></select></label>`,
    `<label>${e(s.from)} <input id="dp-from" type="date"></label>`,
    `<label>${e(s.to)} <input id="dp-to" type="date"></label>`,
    `<span id="dp-totals" class="count" role="status" aria-live="polite">${e(s.loading)}</span>`,
    '</header>',
    `<main id="dp-main" aria-label="${e(s.title)}"></main>`,
    `<p id="dp-empty" class="empty" hidden>${e(s.empty)}</p>`,
    `<script nonce="${e(o.nonce)}" src="${e(o.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
