// The metadata service against a real HTTP server on 127.0.0.1 that serves recorded arXiv and Hugging Face responses.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { idFromEntryId, MalformedFeedError, parseArxivFeed } from '../../src/metadata/atom';
import { arxivQueryUrl, huggingFacePaperUrl } from '../../src/metadata/fetchers';
import { parseRetryAfter } from '../../src/metadata/http';
import { parseHuggingFacePaper } from '../../src/metadata/huggingFace';
import { MetadataService, type MetadataServiceOptions } from '../../src/metadata/service';
import type { MetadataStore } from '../../src/metadata/store';
import type { Logger } from '../../src/metadata/types';
import { MemoryMetadataStore } from './helpers';

const recorded = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'metadata', name), 'utf8');

/** What the server does with one request instead of its default answer. */
interface Scripted {
  readonly status?: number;
  /** A function for headers that depend on the moment of answering (an HTTP-date Retry-After). */
  readonly headers?: Record<string, string> | (() => Record<string, string>);
  readonly body?: string;
  readonly delayMs?: number;
  /** Never answer (until the server closes). */
  readonly hang?: boolean;
}

interface Hit {
  readonly path: string;
  readonly ids: string[];
  readonly maxResults: string | null;
  readonly arrivedAt: number;
  endedAt?: number;
}

/** The recorded feed, cut down to the requested entries as arXiv would answer. */
function arxivAnswer(ids: readonly string[]): string {
  const feed = recorded('arxiv-feed.xml');
  const entries = [...feed.matchAll(/ {2}<entry>[\s\S]*?<\/entry>\n/g)].map((m) => m[0]);
  const head = feed.slice(0, feed.indexOf('  <entry>'));
  const chosen = entries.filter((e) => ids.some((id) => e.includes(`/abs/${id}v`)));
  return `${head.replace(/(<opensearch:totalResults[^>]*>)\d+/, `$1${chosen.length}`)}${chosen.join('')}</feed>\n`;
}

class PaperServer {
  readonly hits: Hit[] = [];
  readonly arxivScript: Scripted[] = [];
  readonly huggingFaceScript: Scripted[] = [];
  private inFlight = 0;
  maxInFlightArxiv = 0;
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  arxivHits(): Hit[] {
    return this.hits.filter((h) => h.path === '/arxiv/query');
  }

  huggingFaceHits(): Hit[] {
    return this.hits.filter((h) => h.path.startsWith('/hf/'));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const isArxiv = url.pathname === '/arxiv/query';
    const ids = isArxiv ? (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean) : [decodeURIComponent(url.pathname.split('/').pop() ?? '')];
    const hit: Hit = { path: url.pathname, ids, maxResults: url.searchParams.get('max_results'), arrivedAt: Date.now() };
    this.hits.push(hit);
    if (isArxiv) this.maxInFlightArxiv = Math.max(this.maxInFlightArxiv, ++this.inFlight);
    const script = (isArxiv ? this.arxivScript : this.huggingFaceScript).shift();
    res.on('close', () => {
      hit.endedAt = Date.now();
      if (isArxiv) this.inFlight--;
    });
    if (script?.hang) return;
    if (script?.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
    if (script?.status !== undefined || script?.body !== undefined) {
      const headers = typeof script.headers === 'function' ? script.headers() : script.headers;
      res.writeHead(script.status ?? 200, headers ?? { 'Content-Type': 'text/plain' });
      res.end(script.body ?? '');
      return;
    }
    if (isArxiv) {
      res.writeHead(200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
      res.end(arxivAnswer(ids));
      return;
    }
    let body: string;
    try {
      body = recorded(`hf-${ids[0]}.json`);
    } catch {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(recorded('hf-not-found.json'));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
  }
}

class RecordingLog implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  has(pattern: RegExp): boolean {
    return this.lines.some((l) => pattern.test(l));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('metadata service (real HTTP server on 127.0.0.1)', function () {
  this.timeout(10_000);
  let server: PaperServer;
  let log: RecordingLog;
  const services: MetadataService[] = [];

  const make = (options: Partial<MetadataServiceOptions> & { store?: MetadataStore } = {}): MetadataService => {
    const service = new MetadataService({
      store: new MemoryMetadataStore(),
      log,
      arxivApiUrl: `${server.base}/arxiv/query`,
      huggingFaceApiUrl: `${server.base}/hf`,
      // Short waits keep the suite fast; one test below holds the real 3 s rule.
      arxivIntervalMs: 200,
      huggingFaceIntervalMs: 0,
      batchDelayMs: 20,
      timeoutMs: 2000,
      backoffMs: 60_000,
      defaultRetryMs: 200,
      saveDelayMs: 20,
      ...options,
    });
    services.push(service);
    return service;
  };

  beforeEach(async () => {
    server = await new PaperServer().start();
    log = new RecordingLog();
  });

  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.close()));
    await server.close();
  });

  it('fetches arXiv records in one batched request and Hugging Face records one by one', async () => {
    const service = make();
    const ids = ['2501.17161', '2404.19737v1', '2406.14347'];
    await service.lookup(ids, 5000);
    await service.settled(ids);

    const arxivHits = server.arxivHits();
    assert.equal(arxivHits.length, 1, 'one arXiv request for three papers');
    assert.deepEqual(arxivHits[0].ids, ['2501.17161', '2404.19737', '2406.14347']);
    assert.equal(arxivHits[0].maxResults, '3', 'max_results covers the whole list (the default is 10)');
    assert.deepEqual(server.huggingFaceHits().map((h) => h.ids[0]).sort(), ['2404.19737', '2406.14347', '2501.17161']);

    const sft = service.peek('2501.17161v2');
    assert.deepEqual(sft.arxiv.record, {
      id: '2501.17161',
      version: 2,
      title: 'SFT Memorizes, RL Generalizes: A Comparative Study of Foundation Model Post-training',
      abstract:
        'Supervised fine-tuning (SFT) and reinforcement learning (RL) are widely used post-training techniques for foundation models. However, their roles in enhancing model generalization capabilities remain unclear. This paper studies the difference between SFT and RL on generalization & memorization.',
      authors: ['Tianzhe Chu', 'Yuexiang Zhai', 'Jihan Yang', 'Yi Ma'],
      primaryCategory: 'cs.AI',
      categories: ['cs.AI', 'cs.CV', 'cs.LG'],
      published: '2025-01-28T18:59:44Z',
      updated: '2025-02-03T17:12:07Z',
      comment: 'Website at https://tianzhechu.com/SFTvsRL',
      doi: '10.48550/arXiv.2501.17161',
      journalRef: 'ICML 2025',
    });
    assert.equal(sft.huggingFace.record?.upvotes, 123);
    assert.equal(sft.huggingFace.record?.githubRepo, 'https://github.com/LeslieTrue/SFTvsRL');
    assert.equal(sft.huggingFace.record?.githubStars, 210);
    assert.equal(sft.huggingFace.record?.projectPage, 'https://tianzhechu.com/SFTvsRL');
    assert.equal(sft.arxiv.pending, false);
    assert.equal(sft.arxiv.stale, false);

    const mtp = service.peek('2404.19737');
    assert.equal(mtp.arxiv.record?.title, 'Better & Faster Large Language Models via Multi-token Prediction');
    assert.equal(mtp.huggingFace.record?.githubRepo, null);

    const chem = service.peek('2406.14347');
    assert.equal(chem.arxiv.record?.abstract.includes('<and>'), true, 'entities decoded');
    assert.equal(chem.arxiv.record?.primaryCategory, 'physics.chem-ph');
    assert.equal(chem.huggingFace.record, undefined);
    assert.equal(chem.huggingFace.missing, true, 'a 404 from Hugging Face means the paper has no page there');

    // Everything is cached now: asking again makes no request.
    await service.lookup(ids, 1000);
    assert.equal(server.arxivHits().length, 1);
    assert.equal(server.huggingFaceHits().length, 3);
  });

  it('treats an ID an empty feed says nothing about as unknown, asked again later, never "not found"', async () => {
    server.arxivScript.push({ status: 200, headers: { 'Content-Type': 'application/atom+xml' }, body: recorded('arxiv-empty.xml') });
    const service = make();
    await service.lookup(['2501.99999'], 5000);
    await service.settled(['2501.99999']);
    const after = service.peek('2501.99999');
    assert.equal(after.arxiv.missing, false, 'no entry is no answer');
    assert.equal(after.arxiv.record, undefined);
    assert.equal(after.arxiv.unavailable, undefined, 'an unknown paper is not a failing source');
    assert.ok(log.has(/no entry for 2501\.99999/), log.lines.join('\n'));
    await service.lookup(['2501.99999'], 5000);
    assert.equal(server.arxivHits().length, 2, 'an unknown ID is asked again');
  });

  it('marks IDs named by an error entry as missing and asks again for the others', async () => {
    server.arxivScript.push({ status: 200, headers: { 'Content-Type': 'application/atom+xml' }, body: recorded('arxiv-error.xml') });
    const service = make();
    await service.lookup(['2501.17161', '2501.00000'], 5000);
    await service.settled(['2501.17161', '2501.00000']);
    assert.equal(service.peek('2501.00000').arxiv.missing, true);
    assert.equal(service.peek('2501.17161').arxiv.record, undefined);
    assert.ok(log.has(/warn arXiv API: error entries: incorrect id format for 2501\.00000/));
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    assert.equal(service.peek('2501.17161').arxiv.record?.version, 2);
    assert.deepEqual(server.arxivHits().map((h) => h.ids), [['2501.17161', '2501.00000'], ['2501.17161']]);
  });

  it('keeps the interval between arXiv requests, measured on the server, with one connection at a time', async () => {
    const interval = 300;
    server.arxivScript.push({ delayMs: 150 }, { delayMs: 150 }, {});
    const service = make({ arxivIntervalMs: interval, batchDelayMs: 0 });
    service.request(['2501.17161']);
    // Asked while the first request is under way: queued, never a second connection.
    while (server.arxivHits().length === 0) await sleep(5);
    service.request(['2404.19737']);
    await service.settled(['2501.17161', '2404.19737']);
    service.request(['2406.14347']);
    await service.settled(['2406.14347']);

    const hits = server.arxivHits();
    assert.equal(hits.length, 3);
    assert.equal(server.maxInFlightArxiv, 1);
    for (let i = 1; i < hits.length; i++) {
      assert.ok(hits[i].arrivedAt - hits[i - 1].arrivedAt >= interval, `requests ${i - 1} and ${i} came ${hits[i].arrivedAt - hits[i - 1].arrivedAt} ms apart`);
      assert.ok(hits[i].arrivedAt >= hits[i - 1].endedAt!, `request ${i} started before request ${i - 1} ended`);
    }
  });

  it("holds arXiv's real rule: no two requests within 3 s", async function () {
    this.timeout(15_000);
    const service = make({ arxivIntervalMs: undefined });
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    const [second] = await service.lookup(['2404.19737'], 200);
    assert.equal(second.arxiv.pending, true, 'the second request waits for its turn; the caller does not');
    await service.settled(['2404.19737']);
    const hits = server.arxivHits();
    assert.equal(hits.length, 2);
    assert.ok(hits[1].arrivedAt - hits[0].arrivedAt >= 3000, `came ${hits[1].arrivedAt - hits[0].arrivedAt} ms apart`);
  });

  it('answers a lookup after its wait with what is known, and has the record next time', async () => {
    server.arxivScript.push({ delayMs: 800 });
    server.huggingFaceScript.push({ delayMs: 800 });
    const service = make();
    const [first] = await service.lookup(['2501.17161'], 100);
    assert.equal(first.arxiv.pending, true);
    assert.equal(first.arxiv.record, undefined);
    assert.equal(first.huggingFace.pending, true);
    await service.settled(['2501.17161']);
    const [second] = await service.lookup(['2501.17161'], 100);
    assert.equal(second.arxiv.record?.title.startsWith('SFT Memorizes'), true);
    assert.equal(second.huggingFace.record?.upvotes, 123);
  });

  it('times out a request that never answers, reports "offline" quietly, and backs off', async () => {
    server.arxivScript.push({ hang: true });
    server.huggingFaceScript.push({ hang: true });
    const service = make({ timeoutMs: 300 });
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    const meta = service.peek('2501.17161');
    assert.equal(meta.arxiv.unavailable, 'offline');
    assert.equal(meta.huggingFace.unavailable, 'offline');
    assert.equal(meta.arxiv.record, undefined);
    assert.ok(log.has(/warn arXiv API: timed out after 300 ms \(offline\)/), log.lines.join('\n'));
    await service.lookup(['2501.17161', '2404.19737'], 300);
    assert.equal(server.arxivHits().length, 1, 'no new request while backing off');
  });

  it('reports "offline" when nothing listens, without throwing', async () => {
    const closed = await new PaperServer().start();
    const base = closed.base;
    await closed.close();
    const service = make({ arxivApiUrl: `${base}/arxiv/query`, huggingFaceApiUrl: `${base}/hf` });
    const [meta] = await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    assert.equal(service.peek('2501.17161').arxiv.unavailable, 'offline');
    assert.ok(meta);
    assert.ok(log.has(/warn arXiv API: no connection \(ECONNREFUSED\)/), log.lines.join('\n'));
  });

  it('waits out a 429 with Retry-After in seconds, then gets the record', async () => {
    server.arxivScript.push({ status: 429, headers: { 'Retry-After': '1' }, body: 'Too Many Requests' });
    const service = make();
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    const hits = server.arxivHits();
    assert.equal(hits.length, 2);
    assert.ok(hits[1].arrivedAt - hits[0].arrivedAt >= 1000, `retried after ${hits[1].arrivedAt - hits[0].arrivedAt} ms`);
    assert.equal(service.peek('2501.17161').arxiv.record?.version, 2);
    assert.ok(log.has(/warn arXiv API: HTTP 429; retrying 1 ID\(s\) in 1 s/));
  });

  it('waits out a 503 with Retry-After as an HTTP date', async () => {
    server.huggingFaceScript.push({ status: 503, headers: () => ({ 'Retry-After': new Date(Date.now() + 2000).toUTCString() }), body: 'Service Unavailable' });
    const service = make();
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    const hits = server.huggingFaceHits();
    assert.equal(hits.length, 2);
    assert.ok(hits[1].arrivedAt - hits[0].arrivedAt >= 1000, `retried after ${hits[1].arrivedAt - hits[0].arrivedAt} ms`);
    assert.equal(service.peek('2501.17161').huggingFace.record?.upvotes, 123);
  });

  it('treats a "Rate exceeded." body as throttling and a Retry-After beyond the limit as rate-limited', async () => {
    server.arxivScript.push({ status: 200, body: 'Rate exceeded.' }, { status: 503, headers: { 'Retry-After': '3600' }, body: '' });
    const service = make({ maxRetryAfterMs: 10_000 });
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    assert.equal(server.arxivHits().length, 2);
    assert.equal(service.peek('2501.17161').arxiv.unavailable, 'rate-limited');
    assert.ok(log.has(/rate exceeded; retrying/));
  });

  it('survives malformed XML: no record, an "error" status, a log line, and no hammering', async () => {
    server.arxivScript.push({ status: 200, headers: { 'Content-Type': 'application/atom+xml' }, body: recorded('arxiv-malformed.xml') });
    server.huggingFaceScript.push({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"id": "2501.17161", "upvotes": ' });
    const service = make();
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    const meta = service.peek('2501.17161');
    assert.equal(meta.arxiv.record, undefined);
    assert.equal(meta.arxiv.unavailable, 'error');
    assert.equal(meta.huggingFace.unavailable, 'error');
    assert.ok(log.has(/warn arXiv API: malformed feed: not well-formed XML/), log.lines.join('\n'));
    assert.ok(log.has(/warn Hugging Face API: malformed record: not JSON/), log.lines.join('\n'));
    await service.lookup(['2501.17161'], 300);
    assert.equal(server.arxivHits().length, 1);
  });

  it('keeps the cache across a restart (a new service over the same store)', async () => {
    const store = new MemoryMetadataStore();
    const first = make({ store });
    await first.lookup(['2501.17161', '2406.14347'], 5000);
    await first.settled(['2501.17161', '2406.14347']);
    await first.close();

    const second = make({ store });
    await second.ready;
    const meta = second.peek('2501.17161');
    assert.equal(meta.arxiv.record?.title.startsWith('SFT Memorizes'), true);
    assert.equal(meta.huggingFace.record?.upvotes, 123);
    assert.equal(second.peek('2406.14347').huggingFace.missing, true);
    await second.lookup(['2501.17161', '2406.14347'], 1000);
    assert.equal(server.arxivHits().length, 1, 'the restarted service asks nothing it has cached');
    assert.equal(server.huggingFaceHits().length, 2);
  });

  it('shows stale answers while it fetches them again', async () => {
    const service = make({ maxAgeMs: 50 });
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    await sleep(80);
    server.arxivScript.push({ delayMs: 500 });
    const [meta] = await service.lookup(['2501.17161'], 50);
    assert.equal(meta.arxiv.stale, true);
    assert.equal(meta.arxiv.pending, true);
    assert.equal(meta.arxiv.record?.version, 2, 'the old copy is still shown');
    await service.settled(['2501.17161']);
    assert.equal(server.arxivHits().length, 2);
  });

  it('ignores a broken cache file with a log line', async () => {
    const store = new MemoryMetadataStore();
    store.text = '{"version": 1, "arxiv": [[';
    const service = make({ store });
    await service.ready;
    assert.ok(log.has(/warn Metadata cache is not valid JSON/));
    await service.lookup(['2404.19737'], 5000);
    await service.settled(['2404.19737']);
    await service.flush();
    const saved = JSON.parse(store.text ?? '') as { arxiv: [string][] };
    assert.deepEqual(saved.arxiv.map(([id]) => id), ['2404.19737']);
  });

  it('asks nothing for malformed IDs, and Hugging Face nothing for old-style IDs', async () => {
    const service = make();
    await service.lookup(['1313.00001', 'not-an-id', 'hep-th/9901001'], 2000);
    await service.settled(['hep-th/9901001']);
    assert.deepEqual(server.arxivHits().map((h) => h.ids), [['hep-th/9901001']]);
    assert.equal(server.huggingFaceHits().length, 0);
    assert.equal(service.peek('hep-th/9901001').arxiv.missing, false, 'absent from the feed: unknown, not missing');
  });

  it('clears the cache on request', async () => {
    const store = new MemoryMetadataStore();
    const service = make({ store });
    await service.lookup(['2404.19737'], 5000);
    await service.settled(['2404.19737']);
    await service.clear();
    assert.equal(service.peek('2404.19737').arxiv.record, undefined);
    const saved = JSON.parse(store.text ?? '') as { arxiv: unknown[] };
    assert.deepEqual(saved.arxiv, []);
  });
});

describe('metadata: parsing and URLs', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2025, 0, 30, 12, 0, 0);
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Thu, 30 Jan 2025 12:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Thu, 30 Jan 2025 11:00:00 GMT', now), 0, 'a date in the past means now');
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('builds the request URLs', () => {
    assert.equal(arxivQueryUrl('https://export.arxiv.org/api/query', ['2501.17161', 'hep-th/9901001']), 'https://export.arxiv.org/api/query?id_list=2501.17161,hep-th%2F9901001&max_results=2');
    assert.equal(arxivQueryUrl('http://mirror/api/query?key=1', ['2501.17161']), 'http://mirror/api/query?key=1&id_list=2501.17161&max_results=1');
    assert.equal(huggingFacePaperUrl('https://huggingface.co/api/', '2501.17161'), 'https://huggingface.co/api/papers/2501.17161');
  });

  it('reads entry IDs of both styles, http or https, with or without version', () => {
    assert.deepEqual(idFromEntryId('http://arxiv.org/abs/2501.17161v2'), { id: '2501.17161', version: 2 });
    assert.deepEqual(idFromEntryId('https://arxiv.org/abs/hep-th/9901001v1'), { id: 'hep-th/9901001', version: 1 });
    assert.deepEqual(idFromEntryId('https://arxiv.org/abs/2501.17161'), { id: '2501.17161', version: null });
  });

  it('rejects malformed feeds and reads empty ones', () => {
    assert.throws(() => parseArxivFeed(recorded('arxiv-malformed.xml')), MalformedFeedError);
    assert.throws(() => parseArxivFeed('Rate exceeded.'), MalformedFeedError);
    assert.throws(() => parseArxivFeed('<html><body>Bad gateway</body></html>'), MalformedFeedError);
    const empty = parseArxivFeed(recorded('arxiv-empty.xml'));
    assert.equal(empty.records.size, 0);
    assert.equal(empty.totalResults, 0);
    const error = parseArxivFeed(recorded('arxiv-error.xml'));
    assert.deepEqual(error.errors, ['incorrect id format for 2501.00000']);
  });

  it('reads Hugging Face records defensively', () => {
    assert.equal(parseHuggingFacePaper(recorded('hf-not-found.json')), null);
    const odd = parseHuggingFacePaper(JSON.stringify({ id: '2501.17161', upvotes: '12', githubRepo: 'javascript:alert(1)', projectPage: 'not a url' }));
    assert.deepEqual([odd?.upvotes, odd?.githubRepo, odd?.projectPage], [null, null, null]);
  });
});
