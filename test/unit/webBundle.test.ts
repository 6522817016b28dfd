// The browser bundle (package.json "browser"): built for a Web Worker, with no Node built-in in it.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { webWorker } from '../../scripts/webWorker.mjs';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const buildWeb = (entry: string) =>
  esbuild.build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'cjs', write: false, metafile: true, external: ['vscode'], plugins: [webWorker], logLevel: 'silent' });

describe('web bundle', () => {
  it('is declared next to main and shipped in the .vsix', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.match(readFileSync(join(root, '.vscodeignore'), 'utf8'), /^!dist\/web\/extension\.js$/m);
  });

  it('fails to build when a Node built-in is imported, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpd-web-'));
    try {
      for (const [file, source] of [['a.ts', "import { readFile } from 'node:fs/promises'; export const f = readFile;"], ['b.ts', "import * as path from 'path'; export const j = path.join;"]]) {
        writeFileSync(join(dir, file), source);
        await assert.rejects(buildWeb(join(dir, file)), /Node built-in "(node:fs\/promises|path)" imported by .*: not allowed in the web bundle/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bundles the extension with no Node built-in and the web HTTP client in place of the Node one', async () => {
    const result = await buildWeb(join(root, 'src', 'extension.ts'));
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('src/metadata/http.web.ts'), 'the web HTTP client is bundled');
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    assert.deepEqual(imports.filter((p) => p.startsWith('node:')), []);
  });

  it('stays within the 400 KB target minified, as npm run package builds it', async () => {
    const { outputFiles } = await esbuild.build({ entryPoints: [join(root, 'src', 'extension.ts')], bundle: true, platform: 'browser', format: 'cjs', write: false, minify: true, charset: 'utf8', external: ['vscode'], plugins: [webWorker], logLevel: 'silent' });
    const size = outputFiles[0]!.contents.byteLength;
    assert.ok(size <= 400_000, `the minified web bundle has ${size} bytes, over the 400 KB target`);
  });

  it('loads in a worker-like global: no document, window, process or Buffer', async () => {
    const [bundle] = (await buildWeb(join(root, 'src', 'extension.ts'))).outputFiles;
    const module = { exports: {} as { activate?: unknown } };
    // vscode itself is the host's: loading the module needs only its names, each a stand-in that answers anything.
    const stub: object = new Proxy(function () {}, { get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => 'stub' : stub), apply: () => stub, construct: () => stub });
    const vscode = Object.fromEntries([...bundle!.text.matchAll(/\bvscode\d*\.(\w+)/g)].map((m) => [m[1], stub]));
    const worker = { console, setTimeout, clearTimeout, queueMicrotask, TextDecoder, TextEncoder, URL, AbortController, fetch, btoa, atob, crypto };
    runInNewContext(`var self = globalThis; (function (module, exports, require) {${bundle!.text}\n})`, worker)(module, module.exports, (name: string) => {
      if (name === 'vscode') return vscode;
      throw new Error(`the web bundle requires ${name}`);
    });
    assert.equal(typeof module.exports.activate, 'function');
  });
});
