// `npm run test:grammar`: vscode-tmgrammar-test over test/grammar, its output passed through, and its counts recorded
// (one per test file: the tool prints ✓ for each file that passed).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { recordCounts } from './counts.mjs';

const files = readdirSync('test/grammar').filter((f) => f.endsWith('.test.md'));
const result = spawnSync('npx', ['vscode-tmgrammar-test', '-g', 'node_modules/tm-grammars/grammars/markdown.json', ...files.map((f) => `test/grammar/${f}`)], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.stdout.write(result.stdout ?? '');
const passed = result.status === 0 ? files.length : (result.stdout ?? '').split('\n').filter((l) => l.startsWith('✓')).length;
const failed = result.status === 0 ? 0 : Math.max(1, files.length - passed);
recordCounts('grammar', passed, failed);
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exitCode = result.status ?? 1;
