// Bundles the extension, the CLI and the developer tools with esbuild (one run, source maps on).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: { conformance: 'scripts/conformance.ts', bench: 'bench/main.ts' }, outdir: 'dist' },
  // Suites run by VS Code's extension host (extensionTestsPath): vscode is the host's, mocha is loaded from node_modules.
  { ...node, entryPoints: { 'integration/index': 'test/integration/index.ts', 'bench-host/index': 'test/bench-host/index.ts' }, outdir: 'out/test', external: ['vscode', 'mocha'] },
  // The preview page's script: a DOM program of its own, loaded by the webview from media/ (built, not committed).
  { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: production ? false : 'inline', minify: production, logLevel: 'warning', entryPoints: { preview: 'src/preview/webview/main.ts' }, outdir: 'media' },
  // The insights dashboard's script, with uPlot and its styles (media/insights.js and media/insights.css).
  { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: production ? false : 'inline', minify: production, logLevel: 'warning', entryPoints: { insights: 'src/insights/webview/main.ts' }, outdir: 'media' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
