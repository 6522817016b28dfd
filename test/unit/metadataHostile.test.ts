// The metadata service against hostile servers on 127.0.0.1: oversized and gzip-bomb bodies, wrong IDs, redirects,
// slow answers, huge Retry-After, and broken caches. Every limit must hold without a crash.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RateLimiter } from '../../src/metadata/rateLimiter';
import { MetadataService, type MetadataServiceOptions } from '../../src/metadata/service';
import type { Logger } from '../../src/metadata/types';
import { MemoryMetadataStore } from './helpers';

const recorded = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'metadata', name), 'utf8');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

class HostileServer {
  readonly paths: string[] = [];
  readonly arrivals: number[] = [];
  private readonly server: Server;
  constructor(private readonly handler: Handler) {
    this.server = createServer((req, res) => {
      this.paths.push(req.url ?? '');
      this.arrivals.push(Date.now());
      this.handler(req, res);
    });
  }
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }
  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

class Log implements Logger {
  readonly lines: string[] = [];
  info(m: string): void {
    this.lines.push(`info ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn ${m}`);
  }
  has(pattern: RegExp): boolean {
    return this.lines.some((l) => pattern.test(l));
  }
}

describe('metadata service against hostile servers (127.0.0.1)', function () {
  this.timeout(20_000);
  const servers: HostileServer[] = [];
  const services: MetadataService[] = [];
  let log: Log;

  const serve = async (handler: Handler) => {
    const server = await new HostileServer(handler).start();
    servers.push(server);
    return server;
  };
  const make = (server: HostileServer, options: Partial<MetadataServiceOptions> = {}) => {
    const service = new MetadataService({
      store: new MemoryMetadataStore(),
      log,
      arxivApiUrl: `${server.base}/arxiv/query`,
      huggingFaceApiUrl: `${server.base}/hf`,
      arxivIntervalMs: 0,
      huggingFaceIntervalMs: 0,
      batchDelayMs: 5,
      timeoutMs: 2000,
      backoffMs: 60_000,
      limiter: new RateLimiter(),
      ...options,
    });
    services.push(service);
    return service;
  };

  beforeEach(() => {
    log = new Log();
  });
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.close()));
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('refuses an oversized body, declared or streamed, and stores nothing', async () => {
    const big = `<feed>${'x'.repeat(3 * 1024 * 1024)}</feed>`;
    const server = await serve((req, res) => {
      if (req.url?.includes('chunked')) {
        res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
        for (let i = 0; i < 48; i++) res.write('y'.repeat(64 * 1024));
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/atom+xml', 'Content-Length': Buffer.byteLength(big) });
        res.end(big);
      }
    });
    const declared = make(server);
    await declared.lookup(['hep-th/9901001'], 5000);
    assert.equal(declared.peek('hep-th/9901001').arxiv.unavailable, 'error');
    assert.ok(log.has(/over the 2097152-byte cap/), log.lines.join('\n'));
    const streamed = make(server, { arxivApiUrl: `${server.base}/chunked/query` });
    log.lines.length = 0;
    await streamed.lookup(['hep-th/9901002'], 5000);
    assert.equal(streamed.peek('hep-th/9901002').arxiv.record, undefined);
    assert.ok(log.has(/body is over the 2097152-byte cap/), log.lines.join('\n'));
  });

  it('stops a gzip bomb at the decompressed-size cap without growing the heap', async () => {
    const bomb = gzipSync(Buffer.alloc(300 * 1024 * 1024, 0x20));
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/atom+xml', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length });
      res.end(bomb);
    });
    const service = make(server);
    const before = process.memoryUsage().heapUsed;
    await service.lookup(['hep-th/9901001'], 10_000);
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(log.has(/body is over the 2097152-byte cap/), log.lines.join('\n'));
    assert.ok(grown < 64 * 1024 * 1024, `heap grew by ${grown} bytes for a ${bomb.length}-byte bomb of 300 MB`);
  });

  it('never stores a Hugging Face record under an ID it does not describe', async () => {
    const other = recorded('hf-2404.19737.json');
    const server = await serve((req, res) => {
      if (req.url?.startsWith('/arxiv')) {
        res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
        res.end(recorded('arxiv-empty.xml'));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(other);
    });
    const service = make(server);
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    const view = service.peek('2501.17161').huggingFace;
    assert.equal(view.record, undefined);
    assert.equal(view.missing, false);
    assert.ok(log.has(/asked for 2501\.17161, got a record for 2404\.19737/), log.lines.join('\n'));
    await service.flush();
  });

  it('follows a redirect within the origin and refuses one to another origin', async () => {
    const elsewhere = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(recorded('hf-2501.17161.json'));
    });
    const server = await serve((req, res) => {
      if (req.url === '/hf/papers/2501.17161') {
        res.writeHead(302, { Location: '/moved/papers/2501.17161' });
        res.end();
      } else if (req.url === '/moved/papers/2501.17161') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(recorded('hf-2501.17161.json'));
      } else if (req.url === '/hf/papers/2404.19737') {
        res.writeHead(301, { Location: `${elsewhere.base}/papers/2404.19737` });
        res.end();
      } else if (req.url?.startsWith('/loop')) {
        res.writeHead(302, { Location: '/loop/again' });
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
        res.end(recorded('arxiv-empty.xml'));
      }
    });
    const service = make(server);
    await service.lookup(['2501.17161'], 5000);
    await service.settled(['2501.17161']);
    assert.equal(service.peek('2501.17161').huggingFace.record?.id, '2501.17161');
    const away = make(server);
    await away.lookup(['2404.19737'], 5000);
    await away.settled(['2404.19737']);
    assert.equal(away.peek('2404.19737').huggingFace.record, undefined);
    assert.equal(elsewhere.paths.length, 0, 'the other origin was never asked');
    assert.ok(log.has(/redirect to another origin/), log.lines.join('\n'));
    const looping = make(server, { arxivApiUrl: `${server.base}/loop/query` });
    await looping.lookup(['hep-th/9901001'], 5000);
    assert.ok(log.has(/more than 3 redirects/), log.lines.join('\n'));
  });

  it('gives up a slow answer at the timeout and answers the caller within its wait', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
      res.write('<feed>');
      // The rest never comes (the server closes it at the end of the test).
    });
    const service = make(server, { timeoutMs: 300 });
    const started = Date.now();
    const [meta] = await service.lookup(['hep-th/9901001'], 150);
    assert.ok(Date.now() - started < 1000, 'lookup returned within its wait');
    assert.equal(meta.arxiv.pending, true);
    await service.settled(['hep-th/9901001']);
    assert.equal(service.peek('hep-th/9901001').arxiv.unavailable, 'offline');
    assert.ok(log.has(/timed out after 300 ms/), log.lines.join('\n'));
  });

  it('clamps a huge Retry-After to an hour', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(429, { 'Retry-After': '999999999' });
      res.end();
    });
    const service = make(server);
    await service.lookup(['hep-th/9901001'], 5000);
    await service.settled(['hep-th/9901001']);
    assert.equal(service.peek('hep-th/9901001').arxiv.unavailable, 'rate-limited');
    assert.ok(log.has(/trying again in 3600 s at the earliest/), log.lines.join('\n'));
  });

  it('keeps the spacing across a re-created service (one limiter for the process)', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
      res.end(recorded('arxiv-empty.xml'));
    });
    const limiter = new RateLimiter();
    const first = make(server, { limiter, arxivIntervalMs: 400 });
    await first.lookup(['hep-th/9901001'], 5000);
    await first.settled(['hep-th/9901001']);
    await first.close();
    const second = make(server, { limiter, arxivIntervalMs: 400 });
    await second.lookup(['hep-th/9901002'], 5000);
    await second.settled(['hep-th/9901002']);
    const arxiv = server.arrivals.filter((_, i) => server.paths[i].startsWith('/arxiv'));
    assert.equal(arxiv.length, 2);
    assert.ok(arxiv[1] - arxiv[0] >= 380, `gap ${arxiv[1] - arxiv[0]} ms between requests of two services`);
  });

  it('discards a cache holding a record under another ID, or over the size cap, with one log line', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const record = JSON.parse(recorded('hf-2404.19737.json')) as object;
    const poisoned = new MemoryMetadataStore();
    await poisoned.write(JSON.stringify({ version: 1, arxiv: [], huggingFace: [['2501.17161', { fetchedAt: Date.now(), value: { ...record, id: '2404.19737' } }]] }));
    const service = make(server, { store: poisoned });
    await service.ready;
    assert.equal(service.peek('2501.17161').huggingFace.record, undefined);
    assert.equal(log.lines.filter((l) => /Metadata cache/.test(l)).length, 1, log.lines.join('\n'));
    log.lines.length = 0;
    const huge = new MemoryMetadataStore();
    await huge.write(JSON.stringify({ version: 1, arxiv: [], huggingFace: [], pad: 'x'.repeat(2000) }));
    const second = make(server, { store: huge, maxCacheBytes: 1000 });
    await second.ready;
    assert.ok(log.has(/^warn Metadata cache discarded: .*over the cap/), log.lines.join('\n'));
  });
});

