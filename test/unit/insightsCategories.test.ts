// The dashboard's category mix comes from the metadata cache only: a real MetadataService over a cache written
// before it started, pointed at a real HTTP server on 127.0.0.1 that counts requests (there must be none).
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseDigest } from '../../src/digest';
import { computeInsights, DaySummaries, fileFacts, insightsTable } from '../../src/digest/insights';
import type { MetadataHolder } from '../../src/features/metadataHolder';
import { cachedCategories } from '../../src/insights/categories';
import { MetadataService } from '../../src/metadata/service';
import type { ArxivRecord } from '../../src/metadata/types';
import { MemoryMetadataStore } from './helpers';

const record = (id: string, primaryCategory: string | null, categories: string[]): ArxivRecord => ({
  id, version: 1, title: id, abstract: '', authors: [], primaryCategory, categories, published: null, updated: null, comment: null, doi: null, journalRef: null,
});

const entry = (id: string) => `### [P ${id}](https://arxiv.org/abs/${id})\n\nVote: 3\n\nAuthors: A\n\n- ***What's New***: 요약.\n`;

describe('insights: arXiv categories from the metadata cache', () => {
  let server: Server;
  let requests = 0;
  let service: MetadataService;

  before(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const store = new MemoryMetadataStore();
    const now = Date.now();
    await store.write(JSON.stringify({
      version: 1,
      arxiv: [
        ['2501.00001', { fetchedAt: now, value: record('2501.00001', 'cs.CL', ['cs.AI', 'cs.CL']) }],
        ['2501.00002', { fetchedAt: now, value: record('2501.00002', null, ['cs.CV']) }],
        ['2501.00003', { fetchedAt: now, value: null }],
      ],
      huggingFace: [],
    }));
    service = new MetadataService({ store, log: { info: () => {}, warn: () => {} }, arxivApiUrl: `${base}/arxiv`, huggingFaceApiUrl: `${base}/hf`, batchDelayMs: 0 });
  });

  after(async () => {
    await service.close();
    server.close();
  });

  it('gives the primary category first, unknown for papers not cached (or known missing), and asks nobody', async () => {
    const categories = cachedCategories({ current: service } as unknown as MetadataHolder);
    await categories.ready();
    assert.deepEqual(categories.of('2501.00001'), ['cs.CL', 'cs.AI']);
    assert.deepEqual(categories.of('2501.00002'), ['cs.CV']);
    assert.equal(categories.of('2501.00003'), undefined);
    assert.equal(categories.of('2501.00004'), undefined);

    const days = new DaySummaries();
    days.set(fileFacts('a.md', parseDigest(`## Daily Papers (2025-01-29)\n\n${['2501.00001', '2501.00002', '2501.00003', '2501.00004'].map(entry).join('\n')}`)));
    const insights = computeInsights(days.days(), { categoriesOf: categories.of });
    assert.deepEqual(insightsTable(insights, 'categories').rows, [['cs.CL', 1], ['cs.CV', 1], ['unknown', 2]]);
    // Nothing was queued for the unknown papers (a queued request would show as pending), and nothing went out.
    assert.deepEqual([service.peek('2501.00004').arxiv.pending, service.peek('2501.00004').huggingFace.pending], [false, false]);
    assert.equal(requests, 0);
  });

  it('knows no category when metadata is off (no service)', async () => {
    const categories = cachedCategories({ current: undefined } as unknown as MetadataHolder);
    await categories.ready();
    assert.equal(categories.of('2501.00001'), undefined);
  });
});
