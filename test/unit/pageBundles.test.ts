// The webviews' scripts hold what their pages run and no more: the parser and the rules stay on the host's side.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { svgcanvasCsp } from '../../scripts/svgcanvasCsp.mjs';

const root = join(__dirname, '..', '..');
/** What only the host runs: Markdown parsing, the digest model, validation. */
const HOST_ONLY = /node_modules\/(micromark|mdast-|unified|remark-)|^src\/digest\/(document|entry|scan|validate\/)/;

async function inputsOf(entry: string): Promise<string[]> {
  const result = await esbuild.build({ absWorkingDir: root, entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', write: false, outdir: 'out/page-bundles', metafile: true, logLevel: 'silent', plugins: [svgcanvasCsp] });
  return Object.keys(result.metafile.inputs);
}

describe('page bundles', () => {
  for (const entry of ['src/preview/webview/main.ts', 'src/insights/webview/main.ts']) {
    it(`${entry} bundles nothing only the host runs`, async () => {
      const inputs = await inputsOf(entry);
      assert.ok(inputs.includes(entry), `${entry} is bundled`);
      assert.deepEqual(inputs.filter((i) => HOST_ONLY.test(i)), []);
    });
  }
});
