import * as assert from 'node:assert/strict';
import { duplicatePaperProblems, findDuplicatePapers, parseDigest } from '../../src/digest';
import { computeInsights } from '../../src/digest/insights';
import { hostMessage, parseInsightsExportRequest, parseInsightsHostMessage, parseInsightsPageMessage, pngBytes, presetRange, PNG_PREFIX, restoredRange } from '../../src/insights/protocol';

describe('insights protocol', () => {
  it('rebuilds page messages from checked fields and drops anything else', () => {
    assert.deepEqual(parseInsightsPageMessage({ type: 'openEntry', file: 'file:///a.md', line: 3, extra: 1 }), { type: 'openEntry', file: 'file:///a.md', line: 3 });
    assert.deepEqual(parseInsightsPageMessage({ type: 'range', range: { from: '2025-01-01', to: null } }), { type: 'range', range: { from: '2025-01-01', to: null } });
    assert.deepEqual(parseInsightsPageMessage({ type: 'ready', timeOrigin: 1.5e12, scriptStart: 1.5e12 + 9, x: 1 }), { type: 'ready', timeOrigin: 1.5e12, scriptStart: 1.5e12 + 9 });
    for (const bad of [
      null,
      { type: 'openEntry', file: 'file:///a.md', line: -1 },
      { type: 'range', range: { from: '2025-1-1', to: null } },
      { type: 'author', name: '' },
      { type: 'exportCsv', table: '../../etc/passwd' },
      { type: 'exportPng', chart: 'activity', dataUrl: 'data:text/html;base64,PGI+' },
      { type: 'exportSvg', chart: 'activity', svg: '<html><svg/></html>' },
      { type: 'exportSvg', chart: 'pie', svg: '<svg/>' },
      { type: 'exportSvg', chart: 'activity', svg: 1 },
      { type: 'painted', generation: 1, points: { activity: 1 } },
      { type: 'eval', code: '1' },
      { type: 'ready' },
      { type: 'ready', timeOrigin: -1, scriptStart: 1 },
    ])
      assert.equal(parseInsightsPageMessage(bad), undefined, JSON.stringify(bad));
  });

  it('takes a chart\'s SVG from the page, and the host\'s request for one, only for a chart it has', () => {
    assert.deepEqual(parseInsightsPageMessage({ type: 'exportSvg', chart: 'format', svg: '<svg/>', x: 1 }), { type: 'exportSvg', chart: 'format', svg: '<svg/>' });
    assert.deepEqual(parseInsightsExportRequest({ type: 'exportSvg', chart: 'histogram', x: 1 }), { type: 'exportSvg', chart: 'histogram' });
    for (const bad of [null, { type: 'exportSvg' }, { type: 'exportSvg', chart: '../x' }, { type: 'data', chart: 'activity' }]) assert.equal(parseInsightsExportRequest(bad), undefined, JSON.stringify(bad));
  });

  it('restores a reloaded panel\'s range from its saved state, and the whole workspace from anything malformed', () => {
    assert.deepEqual(restoredRange({ range: { from: '2025-01-01', to: '2025-01-31' }, extra: 1 }), { from: '2025-01-01', to: '2025-01-31' });
    for (const bad of [undefined, null, 'x', { range: { from: '2025-1-1', to: null } }, { range: null }]) assert.deepEqual(restoredRange(bad), { from: null, to: null }, JSON.stringify(bad));
  });

  it('accepts host data only when every field the page draws has its type', () => {
    const days = { date: [], papers: [], votes: [], era: '', labelStyle: [], error: [], warning: [], information: [], hint: [], files: [] };
    const insights = { totals: { repeatedPapers: 0, problems: { error: 0, warning: 0, information: 0, hint: 0 } }, days, voteHistogram: [], topPapers: [], topAuthorsByPapers: [], topAuthorsByVotes: [], repeats: [], categories: [], papersWithoutCategory: 0 };
    const ok = { type: 'data', generation: 1, range: { from: null, to: null }, first: null, last: null, uncounted: 0, insights };
    assert.ok(parseInsightsHostMessage(ok));
    assert.equal(parseInsightsHostMessage({ ...ok, uncounted: -1 }), undefined);
    assert.equal(parseInsightsHostMessage({ ...ok, insights: { ...insights, topPapers: [{ id: 'x', title: 1, votes: 2, places: [] }] } }), undefined);
    assert.equal(parseInsightsHostMessage({ ...ok, insights: { ...insights, days: [{ date: '2025-01-01', papers: '3' }] } }), undefined);
    assert.equal(parseInsightsHostMessage({ ...ok, insights: { ...insights, totals: { ...insights.totals, repeatedPapers: -1 } } }), undefined);
    const one = { date: ['2025-01-01'], papers: [3], votes: [40], era: 'D', labelStyle: [2], error: [0], warning: [1], information: [0], hint: [2], files: [1] };
    assert.deepEqual(parseInsightsHostMessage({ ...ok, insights: { ...insights, days: one } })?.insights.days, [
      { date: '2025-01-01', papers: 3, votes: 40, era: 'D', labelStyle: 'bold-italic', problems: { error: 0, warning: 1, information: 0, hint: 2 }, files: 1 },
    ]);
    for (const bad of [{ era: 'E' }, { era: 'DD' }, { labelStyle: [3] }, { papers: ['3'] }, { votes: [] }, { date: ['2025-1-1'] }, { hint: undefined }])
      assert.equal(parseInsightsHostMessage({ ...ok, insights: { ...insights, days: { ...one, ...bad } } }), undefined, JSON.stringify(bad));
  });

  it('sends the days as columns and gives the same rows back, in a fraction of their size', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      date: new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10),
      papers: i % 40,
      votes: (i * 37) % 900,
      era: (['A', 'B', 'C', 'D'] as const)[i % 4],
      labelStyle: (['none', 'bold', 'bold-italic'] as const)[i % 3],
      problems: { error: i % 2, warning: i % 3, information: 0, hint: i % 5 },
      files: 1 + (i % 2),
    }));
    const insights = { ...computeInsights([]), days: rows };
    const data = { type: 'data' as const, generation: 3, range: { from: null, to: null }, first: rows[0].date, last: rows[999].date, uncounted: 7, insights };
    const message = hostMessage(data);
    assert.deepEqual(parseInsightsHostMessage(JSON.parse(JSON.stringify(message))), data);
    const size = JSON.stringify(message).length;
    assert.ok(size * 3 < JSON.stringify(data).length, `columns ${size} bytes, rows ${JSON.stringify(data).length}`);
  });

  it('takes the bytes of a PNG data URL and nothing that is not a PNG', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    assert.equal(pngBytes(PNG_PREFIX + png)?.length, 16);
    assert.equal(pngBytes(PNG_PREFIX + Buffer.from('GIF89a').toString('base64')), undefined);
    assert.equal(pngBytes(PNG_PREFIX + '@@@'), undefined);
    assert.equal(pngBytes('data:image/svg+xml;base64,' + png), undefined);
  });

  it('counts presets back from the latest digest by calendar months, clamped to short months', () => {
    assert.deepEqual(presetRange('month', '2025-02-28'), { from: '2025-01-29', to: '2025-02-28' });
    assert.deepEqual(presetRange('month', '2025-03-31'), { from: '2025-03-01', to: '2025-03-31' });
    assert.deepEqual(presetRange('quarter', '2025-01-15'), { from: '2024-10-16', to: '2025-01-15' });
    assert.deepEqual(presetRange('all', '2025-01-15'), { from: null, to: null });
    assert.deepEqual(presetRange('month', null), { from: null, to: null });
  });
});

describe('duplicatePaperProblems: one digest against the earliest place of each paper', () => {
  const a = parseDigest('## Daily Papers (2025-01-29)\n\n### [A](https://arxiv.org/abs/2501.00001v2)\n\nVote: 1\n\n### [B](https://arxiv.org/abs/2501.00002)\n');
  const b = parseDigest('## Daily Papers (2025-01-30)\n\n### [A again](https://arxiv.org/abs/2501.00001)\n');

  it('reports what findDuplicatePapers reports for the same digests: the later date, naming the earlier', () => {
    const all = findDuplicatePapers([{ name: 'a.md', doc: a }, { name: 'b.md', doc: b }]);
    const earliest = (id: string) => (id === '2501.00001' ? { name: 'a.md', line: 2, date: '2025-01-29' } : { name: 'a.md', line: 6, date: '2025-01-29' });
    assert.equal(all.get('a.md'), undefined, 'the earlier date is not the repeat');
    assert.deepEqual(duplicatePaperProblems(a, earliest), []);
    assert.deepEqual(duplicatePaperProblems(b, earliest), all.get('b.md'));
    assert.equal(duplicatePaperProblems(b, earliest).length, 1);
    assert.deepEqual(duplicatePaperProblems(b, earliest, { rules: { 'duplicate-paper': 'off' } }), []);
  });
});
