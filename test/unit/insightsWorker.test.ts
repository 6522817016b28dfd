// The problem-counting worker thread (src/insights/problemWorker.ts, bundled here as the build does): its counts are
// those of counting in-process, and a worker that fails rejects every batch so the host counts by itself.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { parseDigest, type PaperPlace, type ValidationConfig } from '../../src/digest';
import { fileProblemCounts, type SeverityCounts } from '../../src/digest/insights';
import { ProblemCounter, type CountRequestFile, type FileCount } from '../../src/insights/problemCounter';
import { digestFixtures } from './helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const total = (counts: readonly SeverityCounts[]) => counts.reduce((n, c) => n + c.error + c.warning + c.information + c.hint, 0);

describe('insights: counting problems in a worker thread', () => {
  let dir: string;
  let bundle: string;
  const counters: ProblemCounter[] = [];
  const counter = (file = bundle, threads = 1) => {
    const c = new ProblemCounter(file, threads);
    counters.push(c);
    return c;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-worker-'));
    bundle = path.join(dir, 'problemWorker.js');
    await esbuild.build({ entryPoints: [path.resolve(__dirname, '../../src/insights/problemWorker.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  });
  after(() => {
    counters.forEach((c) => c.dispose());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Each fixture with a config and earliest places that make a difference: a rule off, one paper summarised before. */
  function requests(): { files: CountRequestFile[]; earliest: Map<string, Map<string, PaperPlace>> } {
    const config: ValidationConfig = { rules: { 'vote-format': 'off', layout: 'error' } };
    const earliest = new Map<string, Map<string, PaperPlace>>();
    const files = digestFixtures().map((name): CountRequestFile => {
      const fsPath = path.join(FIXTURES, name);
      const firstId = parseDigest(fs.readFileSync(fsPath, 'utf8')).days[0]?.entries[0]?.arxivId;
      const places = new Map<string, PaperPlace>(firstId ? [[firstId, { name: 'file:///elsewhere.md', line: 4, date: '2000-01-01' }]] : []);
      earliest.set(name, places);
      return { key: name, fsPath, path: `/ws/${name}`, config, earliest: [...places] };
    });
    return { files, earliest };
  }

  it('is built as dist/problemWorker.js, the name the extension starts, and shipped in the .vsix', () => {
    const root = path.join(__dirname, '..', '..');
    assert.match(fs.readFileSync(path.join(root, 'scripts', 'build.mjs'), 'utf8'), /entryPoints: \{ problemWorker: 'src\/insights\/problemWorker\.ts' \}, outdir: 'dist'/);
    assert.match(fs.readFileSync(path.join(root, 'src', 'insights', 'registerInsights.ts'), 'utf8'), /'dist', 'problemWorker\.js'/);
    assert.match(fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!dist\/problemWorker\.js$/m);
  });

  it('counts each digest as counting in-process does: same problems per day, config and duplicate-paper included', async () => {
    const { files, earliest } = requests();
    const counts = await counter().count(files);
    assert.equal(counts.length, files.length);
    let duplicates = 0;
    for (const [i, file] of files.entries()) {
      const doc = parseDigest(fs.readFileSync(file.fsPath, 'utf8'));
      const expected = fileProblemCounts(doc, file.path, file.config, (id) => earliest.get(file.key)!.get(id));
      assert.deepEqual(counts[i], { key: file.key, dates: doc.days.map((d) => d.date), counts: expected }, file.key);
      duplicates += total(expected) - total(fileProblemCounts(doc, file.path, file.config, () => undefined));
    }
    assert.ok(duplicates > 0, 'the earliest places given make duplicate-paper problems the worker must count');
  });

  it('gives the same counts with batches shared between two workers', async () => {
    const { files } = requests();
    const alone = await counter().count(files);
    const c = counter(bundle, 2);
    const shared = (await Promise.all(files.map((f) => c.count([f])))).flat();
    assert.deepEqual(shared, alone);
  });

  it('counts every batch it is given, a few ahead, and rejects with none left unanswered when a worker dies', async () => {
    const { files } = requests();
    const batches = (c: ProblemCounter, taken: FileCount[]) => {
      let next = 0;
      return c.countAll(async () => (next < files.length ? { files: files.slice(next, (next += 2)), take: (counts) => taken.push(...counts) } : undefined));
    };
    const taken: FileCount[] = [];
    await batches(counter(), taken);
    assert.deepEqual(taken, await counter().count(files));
    const dying = path.join(dir, 'dies-later.js');
    fs.writeFileSync(dying, "let n = 0; require('node:worker_threads').parentPort.on('message', () => { if (++n === 3) process.exit(4); });\n");
    await assert.rejects(batches(counter(dying), []), /exit code 4/);
  });

  it('answers batches in order, each with its own files, and reports a file it cannot read', async () => {
    const { files } = requests();
    const c = counter();
    const missing = { ...files[0], key: 'gone', fsPath: path.join(dir, 'gone.md') };
    const answers = await Promise.all([c.count(files.slice(0, 2)), c.count([missing]), c.count(files.slice(2, 3))]);
    assert.deepEqual(answers.map((a) => a.map((f) => f.key)), [files.slice(0, 2).map((f) => f.key), ['gone'], [files[2].key]]);
    const gone = answers[1][0] as Extract<FileCount, { error: string }>;
    assert.match(gone.error, /ENOENT/);
  });

  it('rejects every batch once its worker dies, and every later one at once', async () => {
    const dying = path.join(dir, 'dying.js');
    fs.writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const c = counter(dying);
    const { files } = requests();
    const batches = [c.count(files.slice(0, 1)), c.count(files.slice(1, 2))];
    for (const batch of batches) await assert.rejects(batch, /exit code 3/);
    await assert.rejects(c.count(files), /exit code 3/);
  });

  it('rejects when its bundle cannot be loaded, and when disposed', async () => {
    const { files } = requests();
    await assert.rejects(counter(path.join(dir, 'missing.js')).count(files), /missing\.js|Cannot find module/);
    const c = counter();
    const pending = c.count(files);
    c.dispose();
    await assert.rejects(pending, /disposed/);
    const two = counter(bundle, 2);
    await two.count(files);
    two.dispose();
    await assert.rejects(two.count(files), /disposed/);
  });
});
