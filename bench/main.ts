// Benchmark of the digest core against whole-document Markdown parsers, on a real corpus (`npm run bench -- --corpus DIR`) or a generated one (`npm run bench`).
// Cases: (a) cold parse of a seed-sized digest, (b) cold parse of a ~1 MB digest, (c) one keystroke in that digest
// through the DigestCache, (d) every corpus file parsed one by one. `--quick` cuts repetitions for a smoke run.
// Each parser's repetitions run back to back, after a gc. (A gc before every repetition was tried: it makes
// markdown-it ~1.5-2× slower on 1 MB, so it would flatter us.)
import { parseDigest } from '../src/digest';
import { BASELINES, type BaselineId } from './baselines';
import { bigInput, benchCorpus, seedInput, workspaceInput } from './inputs';
import { formatFeatureRows, indexHeap, outlineRows, validationRows } from './features';
import { insightsRows } from './insights';
import { runKeystrokes, type Sanity } from './keystroke';
import { formatPathologicalRows, pathologicalRows } from './pathological';
import { collect, hasGc, loadAverage, machineInfo, measureAlternating, measureFiles, timeOnce, type Plan, type Stats } from './measure';
import { fmtMs, fmtRatio, formatTable, formatTarget, ratio, writeResults, type CaseResult, type Target } from './report';

const quick = process.argv.includes('--quick');

type Plans = { ours: Plan } & Record<BaselineId, Plan>;
const p = (warmup: number, reps: number): Plan => ({ warmup, reps });

// remark and markdownlint take ~3-6 s per pass over 1 MB (and over the workspace): few repetitions for them.
// In (c) they run on the same 1 MB text as in (b), and in (d) they have run on every kind of input already: both
// are warm, so they get no extra warm-up pass (which would cost ~4-9 s each).
const PLANS: Record<'seed' | 'big' | 'keystroke' | 'workspace', Plans> = quick
  ? {
      seed: { ours: p(5, 10), remark: p(1, 3), markdownIt: p(2, 5), markdownlint: p(1, 3) },
      big: { ours: p(1, 3), remark: p(0, 1), markdownIt: p(1, 3), markdownlint: p(0, 1) },
      keystroke: { ours: p(5, 30), remark: p(0, 1), markdownIt: p(0, 3), markdownlint: p(0, 1) },
      workspace: { ours: p(1, 2), remark: p(0, 1), markdownIt: p(1, 2), markdownlint: p(0, 1) },
    }
  : {
      seed: { ours: p(30, 60), remark: p(5, 20), markdownIt: p(10, 40), markdownlint: p(5, 20) },
      big: { ours: p(5, 15), remark: p(1, 3), markdownIt: p(5, 15), markdownlint: p(1, 3) },
      keystroke: { ours: p(20, 200), remark: p(0, 3), markdownIt: p(1, 10), markdownlint: p(0, 3) },
      workspace: { ours: p(1, 7), remark: p(0, 3), markdownIt: p(1, 7), markdownlint: p(0, 3) },
    };

const busy = (load: number, cores: number) =>
  load > cores ? ` — WARNING: the machine is busy (load > ${cores} cores); timings will be noisy` : '';
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const sized = (bytes: number, chars: number) => `${(bytes / 1e6).toFixed(2)} MB (${Math.round(chars / 1000)}K chars)`;
/** Entry and day counts, in a function of its own so that the parsed document does not stay alive in main(). */
const counts = (text: string) => {
  const doc = parseDigest(text);
  return { entries: doc.entries.length, days: doc.days.length };
};
const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);
const log = (s = '') => console.log(s);
const progress = (what: string, s: Stats) => log(`  ${what.padEnd(34)} median ${fmtMs(s.median).padStart(8)} ms  (${s.reps} reps, ${s.warmup} warm-up)`);

type Baselines = Partial<Record<BaselineId, Stats>>;

/** Our full parse (when `ours`) and every baseline on `text`, alternately (ABBA). */
function compare(text: string, plans: Plans, tag: string, ours: boolean): { ours?: Stats; baselines: Baselines } {
  const runs = [...(ours ? [{ id: 'ours' as const, label: 'ours parseDigest', run: parseDigest }] : []), ...BASELINES];
  const stats = measureAlternating(runs.map((r) => () => r.run(text)), runs.map((r) => plans[r.id]));
  const baselines: Baselines = {};
  runs.forEach((r, i) => {
    progress(`${tag} ${r.label}`, stats[i]);
    if (r.id !== 'ours') baselines[r.id] = stats[i];
  });
  return { ours: ours ? stats[0] : undefined, baselines };
}

function sanityLine(when: string, s: Sanity): string {
  const ok = s.equal && s.lineCountEqual;
  const head = ok ? `sanity (${when}): incremental == fresh parse (${s.detail})` : `WARNING !!! sanity (${when}): incremental != fresh parse !!!`;
  const extra = s.equal ? (s.lineCountEqual ? '' : ' — but lineCount differs') : ` — ${s.detail}`;
  return head + extra;
}

function main(): void {
  const machine = machineInfo();
  log(`Daily Papers Digest benchmark${quick ? ' (--quick)' : ''}`);
  log(`${machine.cpu} ×${machine.cores}, node ${machine.node}, ${machine.date}${hasGc ? '' : ' — run with --expose-gc for gc between cases'}`);
  log(`load average ${machine.loadAverage.join(' ')}${busy(machine.loadAverage[0], machine.cores)}`);

  const corpus = benchCorpus();
  const seed = seedInput(corpus);
  const big = bigInput(corpus);
  const workspace = workspaceInput(corpus);
  log(`corpus ${corpus}`);
  log(`  seed: ${seed.name}, ${kb(seed.bytes)} (${seed.chars} chars)`);
  log(`  big:  ${big.name}, ${sized(big.bytes, big.chars)} of UTF-8`);
  log(`  workspace: ${workspace.files.length} files, ${kb(workspace.bytes)} (${workspace.chars} chars)`);

  // The very first parse in the process: JIT cold, remark's inline processor not yet used.
  const firstCall = timeOnce(() => parseDigest(seed.text));
  log(`  first parseDigest call in this process (seed): ${fmtMs(firstCall)} ms`);
  const cases: CaseResult[] = [];

  log('\n(a) cold parse, seed-sized digest');
  const a = compare(seed.text, PLANS.seed, '(a)', true);
  cases.push({ id: 'a', label: `parse ${kb(seed.bytes)} seed`, input: { file: seed.name, chars: seed.chars, bytes: seed.bytes }, ours: a.ours!, baselines: a.baselines });

  log('\n(b) cold parse, 1 MB digest (UTF-8 bytes)');
  const b = compare(big.text, PLANS.big, '(b)', true);
  const bigInfo = { files: big.files, chars: big.chars, bytes: big.bytes, ...counts(big.text) };
  cases.push({ id: 'b', label: `parse ${sized(big.bytes, big.chars)}, ${big.files} days`, input: bigInfo, ours: b.ours!, baselines: b.baselines });

  log('\n(c) one keystroke in the ~1 MB digest, through DigestCache (recordChanges + get)');
  collect();
  const sanity: Sanity[] = [];
  const k = runKeystrokes(big.text, PLANS.keystroke.ours, (s) => {
    sanity.push(s);
    log(`  ${sanityLine('before timing', s)}`);
  });
  log(`  site: entry ${k.site.entryIndex + 1}/${k.site.entryCount} "${k.site.title.slice(0, 60)}", line ${k.site.line + 1}, offset ${k.site.offset}`);
  progress('(c) ours recordChanges+get', k.stats);
  log(`  ${sanityLine('after timing', k.sanityAfter)}`);
  const expected = k.keystrokes;
  if (k.cacheStats.incrementalUpdates !== expected || k.cacheStats.fullParses !== 1)
    log(`  WARNING !!! the cache did not serve every keystroke incrementally: ${JSON.stringify(k.cacheStats)} for ${expected} keystrokes`);
  cases.push({
    id: 'c',
    label: `keystroke in ${sized(Buffer.byteLength(k.editedText), k.editedText.length)} (cache)`,
    input: { chars: k.editedText.length, offset: k.site.offset, line: k.site.line + 1, entry: k.site.entryIndex + 1, entries: k.site.entryCount },
    ours: k.stats,
    baselines: compare(k.editedText, PLANS.keystroke, '(c) full', false).baselines,
    note: 'baselines: full parse of the same 1 MB text (no incremental mode)',
  });

  log('\n(d) workspace: every corpus file, one by one');
  const plans = PLANS.workspace;
  const texts = workspace.files.map((f) => f.text);
  const ours = measureFiles(texts, (t) => parseDigest(t), plans.ours);
  progress('(d) ours parseDigest', ours.total);
  const perFile: Partial<Record<BaselineId, number[]>> = {};
  const dBase: Baselines = {};
  for (const bl of BASELINES) {
    const r = measureFiles(texts, bl.run, plans[bl.id]);
    dBase[bl.id] = r.total;
    perFile[bl.id] = r.perFile;
    progress(`(d) ${bl.label}`, r.total);
  }
  const d: CaseResult = {
    id: 'd',
    label: `workspace ${workspace.files.length} files`,
    input: { files: workspace.files.length, chars: workspace.chars, bytes: workspace.bytes },
    ours: ours.total,
    baselines: dBase,
  };
  cases.push(d);

  log('\nmedian ms; ×faster = baseline / ours');
  log(formatTable(cases));
  log('(c) baselines are full parses of the same 1 MB text: they have no incremental mode.');

  // Targets.
  const [, cb, cc] = cases;
  const mdB = cb.baselines.markdownIt!.median;
  const mdC = cc.baselines.markdownIt!.median;
  const mdD = d.baselines.markdownIt!.median;
  const slowerFiles = workspace.files
    .map((f, i) => ({ path: f.path, ours: ours.perFile[i], md: perFile.markdownIt![i] }))
    .filter((f) => f.ours > f.md)
    .sort((x, y) => y.ours / y.md - x.ours / x.md);
  const targets: Target[] = [
    {
      id: 'b',
      description: '1 MB cold parse no slower than markdown-it',
      pass: cb.ours.median <= mdB,
      detail: `ours ${fmtMs(cb.ours.median)} ms vs markdown-it ${fmtMs(mdB)} ms (${fmtRatio(ratio(cb, 'markdownIt'))})`,
    },
    {
      id: 'c',
      description: 'keystroke ≥ 50× faster than markdown-it full parse of 1 MB',
      pass: mdC / cc.ours.median >= 50,
      detail: `ours ${fmtMs(cc.ours.median)} ms vs markdown-it ${fmtMs(mdC)} ms (${fmtRatio(ratio(cc, 'markdownIt'))}; needs ≤ ${fmtMs(mdC / 50)} ms)`,
    },
    {
      id: 'd',
      description: 'workspace no slower than markdown-it file by file',
      pass: d.ours.median <= mdD,
      detail:
        `ours ${fmtMs(d.ours.median)} ms vs markdown-it ${fmtMs(mdD)} ms over ${workspace.files.length} files (${fmtRatio(ratio(d, 'markdownIt'))}); ` +
        `per-file medians: sum ${fmtMs(sum(ours.perFile))} vs ${fmtMs(sum(perFile.markdownIt!))} ms, ours slower on ${slowerFiles.length}/${workspace.files.length}` +
        (slowerFiles.length ? ` (worst ${slowerFiles[0].path}: ${fmtMs(slowerFiles[0].ours)} vs ${fmtMs(slowerFiles[0].md)} ms)` : ''),
    },
  ];
  log('');
  for (const t of targets) log(formatTarget(t));
  const allSane = [...sanity, k.sanityAfter].every((s) => s.equal && s.lineCountEqual);
  if (!allSane) log('WARNING !!! incremental result differs from a fresh parse: (c) timings are not trustworthy');

  log('\nvalidation, outline and workspace index (median and min–max of the timed repetitions, ms)');
  const featureRows = [...validationRows(seed.text, big.text, quick), ...outlineRows(workspace, quick), ...insightsRows(workspace, quick)];
  log(formatFeatureRows(featureRows));
  const heap = indexHeap(workspace);
  if (heap) log(`index of 5,000 digests: ${heap.papers.toLocaleString('en-US')} papers hold ${heap.mb.toFixed(1)} MB of heap after a forced GC (texts dropped)`);

  log('\nhostile and huge inputs: the path each reaches, at n and 4n, beside a plain line scan of the same text');
  const hostile = pathologicalRows(texts.join('\n'), quick);
  log(formatPathologicalRows(hostile));

  const endLoad = loadAverage();
  const file = writeResults({
    machine,
    loadAverageAtEnd: endLoad,
    quick,
    corpus,
    firstCallMs: firstCall,
    cases: cases.map((c) => ({
      ...c,
      ratios: Object.fromEntries(BASELINES.map((bl) => [bl.id, ratio(c, bl.id)])),
    })),
    keystroke: { site: k.site, cacheStats: k.cacheStats, keystrokes: k.keystrokes, sanityBefore: k.sanityBefore, sanityAfter: k.sanityAfter },
    workspacePerFile: workspace.files.map((f, i) => ({
      path: f.path,
      chars: f.text.length,
      ours: ours.perFile[i],
      ...Object.fromEntries(BASELINES.map((bl) => [bl.id, perFile[bl.id]![i]])),
    })),
    targets,
    features: featureRows.map((r) => ({ label: r.label, ours: r.ours.median, baseline: r.baseline.label, baselineMs: r.baseline.stats.median })),
    hostile,
  });
  log(`\nload average at the end ${endLoad.join(' ')}${busy(endLoad[0], machine.cores)}`);
  log(`results: ${file}`);
}

main();
