// Bundles the extension, the CLI and the developer tools with esbuild (one run, source maps on).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { svgcanvasCsp } from './svgcanvasCsp.mjs';
import { webWorker, webWorkerWith } from './webWorker.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  // Korean text and the HTML entity tables as UTF-8, not \uXXXX escapes (twice the bytes): both hosts read the
  // bundle as UTF-8 (Node's require; the web extension host's fetch().text()).
  charset: 'utf8',
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

/** The browser `main` (package.json "browser"): the same entry, bundled for the web extension host. */
const web = {
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  sourcemap: true,
  minify: production,
  charset: node.charset,
  logLevel: 'warning',
  define: node.define,
  external: ['vscode'],
  plugins: [webWorker],
};

/** The shared suites import `node:assert/strict`: in the browser that is the npm port of it. */
const nodeAssertForWeb = {
  name: 'node-assert-for-web',
  setup(build) {
    build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: path.resolve('test/web/assert.ts') }));
  },
};

/**
 * Mocha's browser build is a UMD file that checks for `module`/`exports` at run time; in the web extension host those
 * names are the suite module's own (the host evaluates it with `new Function('module', 'exports', 'require', …)`),
 * so it would replace the suite's exports. Hidden, it takes its browser path and installs Mocha globally.
 */
const mochaBrowserBuild = {
  name: 'mocha-browser-build',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `var module = undefined, exports = undefined;\n${readFileSync(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};

const builds = [
  { ...web, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist/web' },
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The Node host's problem-counting worker thread (src/insights/problemCounter.ts starts it): the core, no vscode.
  { ...node, entryPoints: { problemWorker: 'src/insights/problemWorker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: { conformance: 'scripts/conformance.ts', bench: 'bench/main.ts' }, outdir: 'dist' },
  // Suites run by VS Code's extension host (extensionTestsPath): vscode is the host's, mocha is loaded from node_modules.
  { ...node, entryPoints: { 'integration/index': 'test/integration/index.ts', 'bench-host/index': 'test/bench-host/index.ts', 'bench-host/insights': 'test/bench-host/insights.ts' }, outdir: 'out/test', external: ['vscode', 'mocha'] },
  // The same suites for the web extension host (a Web Worker): mocha's browser build and the npm assert bundled in.
  {
    ...web,
    entryPoints: { 'web/index': 'test/web/index.ts' },
    outdir: 'out/test',
    inject: ['test/web/process.ts'],
    plugins: [nodeAssertForWeb, mochaBrowserBuild, webWorkerWith(['assert', 'process', 'util'])],
  },
  // The preview page's script: a DOM program of its own, loaded by the webview from media/ (built, not committed).
  { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: production ? false : 'inline', minify: production, logLevel: 'warning', entryPoints: { preview: 'src/preview/webview/main.ts' }, outdir: 'media' },
  // The insights dashboard's script, with uPlot, svgcanvas for the SVG export, and its styles (media/insights.js and media/insights.css).
  { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: production ? false : 'inline', minify: production, logLevel: 'warning', entryPoints: { insights: 'src/insights/webview/main.ts' }, outdir: 'media', plugins: [svgcanvasCsp] },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
