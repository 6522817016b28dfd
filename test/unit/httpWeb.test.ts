// The web extension host's HTTP client (src/metadata/http.web.ts) against a real HTTP server on 127.0.0.1, through
// the same fetch API a browser has: redirects, body cap, timeout, and a refused request reading as offline.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpGet, NetworkError, RefusedResponseError } from '../../src/metadata/http.web';

function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('web HTTP client (real HTTP server on 127.0.0.1)', () => {
  let main: { server: Server; origin: string };
  let other: { server: Server; origin: string };

  before(async () => {
    other = await serve((_req, res) => res.end('from another origin'));
    main = await serve((req, res) => {
      if (req.url === '/moved') return void res.writeHead(302, { location: '/final' }).end();
      if (req.url === '/away') return void res.writeHead(302, { location: `${other.origin}/x` }).end();
      if (req.url === '/final') return void res.end(`ua=${req.headers['user-agent'] === 'dpd-test' ? 'ours' : 'platform'}`);
      if (req.url === '/big') return void res.end('x'.repeat(10_000));
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
      if (req.url === '/busy') return void res.writeHead(429, { 'retry-after': '7' }).end('slow down');
      res.writeHead(404).end();
    });
  });

  after(() => {
    main.server.closeAllConnections();
    main.server.close();
    other.server.close();
  });

  it('follows a redirect within the origin and leaves User-Agent to the platform (no CORS preflight)', async () => {
    const response = await httpGet(`${main.origin}/moved`, { timeoutMs: 5000, maxBytes: 1_000_000, headers: { 'User-Agent': 'dpd-test', Accept: 'text/plain' } });
    assert.deepEqual(response, { status: 200, body: 'ua=platform', retryAfterMs: undefined });
  });

  it('refuses a redirect to another origin', async () => {
    await assert.rejects(httpGet(`${main.origin}/away`, { timeoutMs: 5000, maxBytes: 1_000_000 }), (e: unknown) => e instanceof RefusedResponseError && /another origin/.test(e.message));
  });

  it('refuses a body over the cap while it streams in', async () => {
    await assert.rejects(httpGet(`${main.origin}/big`, { timeoutMs: 5000, maxBytes: 1000 }), RefusedResponseError);
    assert.equal((await httpGet(`${main.origin}/big`, { timeoutMs: 5000, maxBytes: 10_000 })).body.length, 10_000);
  });

  it('times out over the whole exchange', async () => {
    await assert.rejects(httpGet(`${main.origin}/slow`, { timeoutMs: 200, maxBytes: 1_000_000 }), (e: unknown) => e instanceof NetworkError && e.timedOut);
  });

  it('reads Retry-After', async () => {
    const response = await httpGet(`${main.origin}/busy`, { timeoutMs: 5000, maxBytes: 1_000_000 });
    assert.equal(response.status, 429);
    assert.equal(response.retryAfterMs, 7000);
  });

  it('turns a refused connection (as the browser reports CORS) into a NetworkError, like offline', async () => {
    const closed = await serve(() => undefined);
    const url = `${closed.origin}/x`;
    await new Promise((resolve) => closed.server.close(resolve));
    await assert.rejects(httpGet(url, { timeoutMs: 5000, maxBytes: 1_000_000 }), (e: unknown) => e instanceof NetworkError && !e.timedOut);
  });
});
