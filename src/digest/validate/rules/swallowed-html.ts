// Text such as `<EOS>` or `<think>` that a Markdown renderer takes for an HTML tag and hides.
import type { Range } from '../../types';
import { entryRule, type RuleContext } from '../types';

const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>\n]*)?\/?>/g;
/** Real HTML elements that a digest may use on purpose; any other tag name is text that would vanish. */
const HTML_ELEMENTS = new Set(
  ('a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure ' +
    'h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp small source span strong sub ' +
    'summary sup table tbody td tfoot th thead time tr u ul var video wbr').split(' '),
);

/**
 * Replaces code spans with spaces so tags inside them (which render as text) are not reported. A span opens
 * with a run of backticks and closes at the next run of the same length (linear: one pass over the runs).
 */
function maskCodeSpans(s: string): string {
  const runs = [...s.matchAll(/`+/g)].map((m) => ({ start: m.index, length: m[0].length }));
  const nextSameLength: number[] = new Array(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    nextSameLength[i] = lastByLength.get(runs[i].length) ?? -1;
    lastByLength.set(runs[i].length, i);
  }
  let out = '';
  let copied = 0;
  for (let i = 0; i < runs.length; i++) {
    const close = nextSameLength[i];
    if (close === -1) continue;
    const end = runs[close].start + runs[close].length;
    out += s.slice(copied, runs[i].start) + ' '.repeat(end - runs[i].start);
    copied = end;
    while (i + 1 < runs.length && runs[i + 1].start < end) i++;
  }
  return out + s.slice(copied);
}

function scan(ctx: RuleContext, range: Range): void {
  const lt = ctx.doc.text.indexOf('<', range.start.offset);
  if (lt === -1 || lt >= range.end.offset) return;
  const source = ctx.doc.text.slice(range.start.offset, range.end.offset);
  const masked = maskCodeSpans(source);
  for (const m of masked.matchAll(TAG)) {
    if (HTML_ELEMENTS.has(m[1].toLowerCase()) || masked[m.index - 1] === '\\') continue;
    const start = range.start.offset + m.index;
    const at = ctx.rangeOf(start, start + m[0].length);
    ctx.report(at, `Unexpected \`${m[0]}\` that Markdown renders as an (invisible) HTML tag, expected \`\\${m[0]}\` or a code span`, {
      title: `Escape ${m[0]} so it shows as text`,
      edits: [{ range: ctx.rangeOf(start, start), newText: '\\' }],
    });
  }
}

export default entryRule({ id: 'swallowed-html', name: 'Text swallowed as HTML', severity: 'warning', fixable: true, ko: 'HTML로 사라지는 텍스트' }, (entry, ctx) => {
  scan(ctx, entry.titleRange);
  for (const section of entry.sections) scan(ctx, { start: section.textStart, end: section.range.end });
});
