// Host benchmark driver (never pass/fail): runs test/bench-host in two code-server sessions, with the extension and
// without it (an empty carrier extension instead, so VS Code's built-in Markdown features answer alone), prints medians
// and ratios, and writes every sample to bench/host-results.json (ignored by git).
// Usage: tsx scripts/host/bench.ts [--corpus DIR] [--only preview] [--timeout SECONDS] [--out FILE] (DIR: a real corpus; default: generated from test/fixtures)
//   --only preview: the heap and preview rows alone (no validation, symbols, folding or 5,000-digest workspace).
//   Sessions run in ABBA order (ours, built-in, built-in, ours), each with half the repetitions; samples are pooled.
//   BENCH_REPS=N fresh documents per measurement (default 7); BENCH_VALIDATION_EDITS=N edits per validation run (2×REPS);
//   BENCH_PROFILE=DIR also writes a CPU profile of the extension host during the 1 MB validation run (session ours) there.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProviderSample, Sample, ValidationSample } from '../../test/bench-host/index';
import type { HeapSample, OpenResult, PreviewSample } from '../../test/bench-host/preview';
import { withDriver } from './benchPreview';
import { currentPhase, exit, flag, log, overallTimeout, requireHost, ROOT } from './host';
import { benchInsights } from './benchInsights';
import { runSuite } from './suite';
import { benchCorpus } from '../../bench/inputs';

overallTimeout(Number(flag('timeout', '2400')));
const OUT = path.resolve(ROOT, flag('out', 'bench/host-results.json'));
const results = new Map<string, unknown>();
const started = Date.now();
const loadBefore = os.loadavg();
const ONLY = flag('only', '');
/** Where the preview driver answers the suite (one JSON file per request). */
const SYNC = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-bench-sync-'));
process.on('exit', () => fs.rmSync(SYNC, { recursive: true, force: true }));

/** The same measurement from two sessions: their samples (arrays) together; anything else as the first session had it. */
function merge(first: unknown, second: unknown): unknown {
  if (Array.isArray(first) && Array.isArray(second)) return [...(first as unknown[]), ...(second as unknown[])];
  if (first && second && typeof first === 'object' && typeof second === 'object' && !Array.isArray(first)) {
    const out: Record<string, unknown> = { ...(first as Record<string, unknown>) };
    for (const [k, v] of Object.entries(second as Record<string, unknown>)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return first;
}

async function session(phase: 'ours' | 'builtin', extension: string): Promise<void> {
  log(`session "${phase}"`);
  const t = Date.now();
  const code = await runSuite({
    tests: path.join(ROOT, 'out/test/bench-host/index.js'),
    workspace: path.join(ROOT, 'test/integration/workspace'),
    extension,
    env: {
      BENCH_PHASE: phase, BENCH_REPS: String(Math.ceil(Number(process.env.BENCH_REPS || 7) / 2)), BENCH_VALIDATION_EDITS: process.env.BENCH_VALIDATION_EDITS ?? '',
      BENCH_PROFILE: process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : '',
      DPD_CORPUS: benchCorpus(), BENCH_ONLY: ONLY, BENCH_SYNC: SYNC,
    },
    ...withDriver(SYNC, (text) => {
      const match = /^BENCH_RESULT (.*)$/.exec(text);
      if (match) {
        const { key, value } = JSON.parse(match[1]!) as { key: string; value: unknown };
        results.set(key, results.has(key) ? merge(results.get(key), value) : value);
      }
      return Boolean(match);
    }),
  });
  results.set(`seconds:${phase}`, ((results.get(`seconds:${phase}`) as number | undefined) ?? 0) + (Date.now() - t) / 1000);
  if (code !== 0) throw new Error(`the "${phase}" session failed (exit ${code})`);
}

// ---- statistics and formatting --------------------------------------------------------------

const median = (values: readonly (number | null)[]): number => {
  const s = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : `${value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString('en-US')} ms`);
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}x` : 'n/a');
const missed = (values: readonly (number | null)[]) => {
  const n = values.filter((v) => v === null).length;
  return n ? ` (${n} of ${values.length} not seen in 60 s)` : '';
};

function table(head: string[], rows: string[][], first = 34, rest = 17): void {
  const widths = head.map((_, i) => (i ? Math.max(rest, head[i]!.length) : first));
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' '));
  line(head);
  for (const row of rows) line(row);
}

interface InputInfo {
  file: string;
  bytes: number;
  chars: number;
  lines: number;
  entries: number;
}

const NAMES = ['seed', 'big'] as const;
/** The medians printed, for the JSON file. */
const summary: Record<string, Record<string, number | string>> = {};

function print(): void {
  const get = <T>(key: string) => results.get(key) as T | undefined;
  const inputs = get<Record<string, InputInfo>>('inputs')!;
  const label = (name: string) => `${name === 'seed' ? 'seed-sized' : '~1 MB'} (${Math.round(inputs[name]!.bytes / 1024).toLocaleString('en-US')} KB)`;
  const reps = get<Sample>('ours:seed')?.times.length ?? 0;

  console.log('\n=== inputs (the same text in both sessions) ===');
  for (const name of NAMES) {
    const i = inputs[name]!;
    console.log(`${label(name)}: ${i.file}, ${i.bytes.toLocaleString('en-US')} bytes, ${i.chars.toLocaleString('en-US')} chars, ${i.lines.toLocaleString('en-US')} lines, ${i.entries} entries; plus one broken fragment link on a summary line near the middle`);
  }
  const settings = (phase: string) => get<Record<string, unknown>>(`settings:${phase}`) ?? {};
  console.log(`settings: files.autoSave = ${String(settings('ours').autoSave)} / ${String(settings('builtin').autoSave)} (ours / built-in session; user settings gave ${String(settings('ours').autoSaveFound)}); `
    + `dailyPapers.validation.delay = ${String(settings('ours').validationDelay)} ms (default); markdown.validate.enabled on in the built-in session's validation part only`);

  printPreview(label);
  if (ONLY === 'preview') return;

  const load = get<number[]>('load')!;
  console.log(`\nactivation (ext.activate(), one per host): ${ms(get<number>('activation')!)}; fresh require of dist/extension.js: median ${ms(median(load))}`);
  table(['cold parse: getDigest (ours, in-process)', 'median', 'first (coldest)', 'entries'], NAMES.map((name) => {
    const s = get<Sample>(`ours:${name}`)!;
    summary[`parse:${name}`] = { median: median(s.times) };
    return [label(name), ms(median(s.times)), ms(s.times[0]!), String(s.count)];
  }));

  const edits = get<ValidationSample>('validation:ours:seed')?.published.length ?? 0;
  console.log(`\n=== validation: one-character edit → diagnostics of the new text (median of ${edits} edits per row, each from an idle extension host) ===`);
  const validationRows: string[][] = [];
  const notes: string[] = [];
  for (const name of NAMES) {
    for (const [variant, where] of [['validation', 'in an editor'], ['validation-hidden', 'open, in no editor']] as const) {
      const o = get<ValidationSample>(`${variant}:ours:${name}`)!;
      // The built-in is measured in an editor only: it validates documents shown in tabs.
      const b = get<ValidationSample>(`${variant}:builtin:${name}`) ?? { published: [], event: [], changed: [], blocked: [], diagnostics: 0, none: 'not measured: the built-in validates documents in editors only' };
      const row = {
        oursPublished: median(o.published), oursEvent: median(o.event), builtinPublished: median(b.published), builtinEvent: median(b.event),
        oursChanged: median(o.changed), oursBusy: median(o.blocked), builtinChanged: median(b.changed), oursGetProblems: median(o.direct ?? []),
      };
      summary[`${variant}:${name}`] = row;
      const none = (s: ValidationSample, text: string) => (s.none ? 'n/a' : text);
      validationRows.push([`${label(name)}, ${where}`, none(o, ms(row.oursPublished)), none(o, ms(row.oursEvent)), none(b, ms(row.builtinPublished)), none(b, ms(row.builtinEvent)),
        b.none ? '' : `${ratio(row.builtinPublished, row.oursPublished)} / ${ratio(row.builtinEvent, row.oursEvent)}`, ms(row.oursChanged), ms(row.oursBusy)]);
      const worst = (s: ValidationSample) => (s.none ? `n/a (${s.none})` : `${ms(Math.max(...s.published.map(Number)))} published${missed(s.published)}`);
      notes.push(`  ${label(name)}, ${where}: diagnostics on the document: ours ${o.diagnostics}, built-in ${b.diagnostics}; worst edit: ours ${worst(o)}, built-in ${worst(b)}; `
        + `edit arrives (built-in session) ${ms(row.builtinChanged)}${o.direct ? `; ours: getProblems right after an edit ${ms(row.oursGetProblems)}` : ''}`);
    }
  }
  table(['input, document', 'ours: published', 'ours: event', 'built-in: published', 'built-in: event', 'built-in / ours', 'ours: edit arrives', 'ours: host busy'], validationRows, 40, 15);
  for (const note of notes) console.log(note);
  console.log([
    'published: from applying the WorkspaceEdit until vscode.languages.getDiagnostics(uri) holds the new diagnostics (polled every ~1 ms in the',
    '  extension host; a diagnostic collection sends them to the workbench in the same call). Ours: source "Daily Papers", a trailing space toggled',
    '  at the end of the probe line (trailing-whitespace hint on/off), validated at once while cheap (≤ 20 ms), else after validation.delay. Built-in: the Markdown language',
    '  client\'s diagnostics (published without a source), an "x" toggled at the end of the broken link\'s fragment ("No header found" names it).',
    'event: until languages.onDidChangeDiagnostics fires with the new diagnostics; VS Code fires that event 50 ms after the first change it',
    '  batches, so this is published + ~50 ms for any extension. built-in / ours: ratio of published / ratio of event.',
    'in an editor: after each edit the workbench also asks every provider (folding, symbols, links, ...) and the built-in Markdown extension',
    '  tokenizes the document in the same extension host, as when typing; open, in no editor: our validation pipeline alone (the built-in',
    '  validates documents in editors only). Files an edit made dirty are opened by VS Code in background tabs, behind a plain-text file.',
    'edit arrives: until the extension host sees the edit (onDidChangeTextDocument). host busy: the longest the extension host\'s event loop was',
    '  held during the wait (median over edits). getProblems: api.getProblems() right after an edit (incremental parse + validation, in-process).',
    'target: ours no slower than the built-in on the seed, within 60 ms on the 1 MB digest in an editor.',
  ].join('\n'));

  console.log(`\n=== document symbols and folding ranges (median over ${reps} fresh documents, not shown in an editor) ===`);
  const rows: string[][] = [];
  for (const name of NAMES) {
    for (const kind of ['symbols', 'folding'] as const) {
      const direct = get<ProviderSample>(`${kind}:direct:${name}`)!;
      const merged = get<ProviderSample>(`${kind}:merged:${name}`)!;
      const builtin = get<ProviderSample>(`${kind}:builtin:${name}`)!;
      for (const when of ['cold', 'edit'] as const) {
        const row = { oursDirect: median(direct[when]), both: median(merged[when]), builtin: median(builtin[when]) };
        summary[`${kind}:${when}:${name}`] = row;
        rows.push([`${label(name)} ${kind}, ${when === 'cold' ? 'cold' : 'after edit'}`, ms(row.oursDirect), ms(row.both), ms(row.builtin), ratio(row.builtin, row.oursDirect), ratio(row.both, row.builtin)]);
      }
      const count = (s: ProviderSample) => `${s.count}/${s.countEdit}`;
      rows.push([`  ${kind} returned (cold/after edit)`, count(direct), count(merged), count(builtin), '', direct.json ? `ours ${Math.round(direct.json / 1024)} KB JSON` : '']);
    }
  }
  table(['input, measure', 'ours (direct)', 'both (command)', 'built-in (command)', 'built-in / ours', 'both / built-in'], rows, 38, 18);
  const opens = NAMES.map((name) => {
    const oursOpen = median(['symbols', 'folding'].flatMap((k) => get<ProviderSample>(`${k}:merged:${name}`)!.open));
    const builtinOpen = median(['symbols', 'folding'].flatMap((k) => get<ProviderSample>(`${k}:builtin:${name}`)!.open));
    summary[`open:${name}`] = { ours: oursOpen, builtin: builtinOpen };
    return `${label(name)} ${ms(oursOpen)} with ours / ${ms(builtinOpen)} without`;
  });
  console.log([
    `openTextDocument of the fresh file (median): ${opens.join('; ')}.`,
    'ours (direct): api.symbols.provideDocumentSymbols / provideFoldingRanges in the extension host (the registered providers\' class over the same',
    '  parse cache; no RPC). Opening a digest already parses it (our open listeners), so "cold" here is the outline built from that parse.',
    'both (command): vscode.executeDocumentSymbolProvider / vscode.executeFoldingRangeProvider in the session with this extension: VS Code asks',
    '  our providers AND the built-in Markdown ones and merges the results, so this is what an Outline or the folding gutter costs with ours installed.',
    'built-in (command): the same commands in the session without this extension (VS Code\'s Markdown language server alone).',
    'built-in / ours: built-in (command) over ours (direct). both / built-in: what installing ours adds to the command. ours N KB JSON: the size of',
    '  our result serialized, roughly what the extension host sends the workbench for it.',
    'cold: first call right after opening; after edit: first call right after a one-character insert in a summary line near the middle.',
    'target: ours within 45 ms after an edit on the 1 MB digest.',
  ].join('\n'));
}

const spread = (values: readonly (number | null)[]) => {
  const s = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return s.length ? `${ms(median(s))} (${ms(Math.min(...s)).replace(' ms', '')}–${ms(Math.max(...s))})` : 'n/a';
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The preview rows, the stalls while typing and the heap: ours against the built-in Markdown preview. */
function printPreview(label: (name: string) => string): void {
  const get = <T>(key: string) => results.get(key) as T | undefined;
  const heap = { ours: get<HeapSample>('heap:ours'), builtin: get<HeapSample>('heap:builtin') };
  console.log('\n=== preview: ours (Daily Papers: Open Preview to the Side) against the built-in (Markdown: Open Preview to the Side); median (min–max) ===');
  const rows: string[][] = [];
  for (const name of NAMES) {
    const o = get<PreviewSample>(`preview:ours:${name}`);
    const b = get<PreviewSample>(`preview:builtin:${name}`);
    if (!o || !b) continue;
    const row = (what: string, pick: (s: PreviewSample) => readonly (number | null)[]) => {
      const [mo, mbi] = [median(pick(o)), median(pick(b))];
      summary[`preview:${name}:${what}`] = { ours: mo, builtin: mbi };
      rows.push([`${label(name)}: ${what}`, spread(pick(o)) + missed(pick(o)), spread(pick(b)) + missed(pick(b)), ratio(mbi, mo)]);
    };
    const open = (pick: (r: OpenResult) => number) => (s: PreviewSample) => s.open.map(pick);
    row('open → content shown', open((r) => r.shown));
    row('open → shown + next frame', open((r) => r.painted));
    row('keystroke → text in the DOM', (s) => s.dom);
    row('keystroke → next frame', (s) => s.painted);
    row('  of which: keystroke → edit in the host (≈)', (s) => s.arrived);
    row('longest host stall while typing', (s) => s.longestStall);
    const steps = (s: PreviewSample) => (['created', 'content', 'written'] as const).map((k) => ms(median(s.open.map((r) => r[k])))).join(' / ');
    rows.push([`  open: webview made / HTML came / written`, steps(o), steps(b), '']);
    const headings = (s: PreviewSample) => `${Math.min(...s.open.map((r) => r.headings))}–${Math.max(...s.open.map((r) => r.headings))}`;
    const over = (s: PreviewSample) => s.stallsOver50.reduce((a, n) => a + n, 0);
    rows.push([`  entry headings when shown; stalls > 50 ms`, `${headings(o)}; ${over(o)}`, `${headings(b)}; ${over(b)}`, '']);
  }
  table(['input: measure', 'ours', 'built-in', 'built-in / ours'], rows, 52, 24);
  if (heap.ours && heap.builtin) {
    const h = (s: HeapSample, k: 'before' | 'after') => median(s[k]);
    summary.heap = { oursBefore: h(heap.ours, 'before'), oursAfter: h(heap.ours, 'after'), builtinBefore: h(heap.builtin, 'before'), builtinAfter: h(heap.builtin, 'after') };
    console.log(`extension-host heap after a forced GC (median of ${heap.ours.after.length} / ${heap.builtin.after.length} sessions): with ours ${mb(h(heap.ours, 'before'))} → ${mb(h(heap.ours, 'after'))} `
      + `after opening the 1 MB digest (index ready, diagnostics published); without ${mb(h(heap.builtin, 'before'))} → ${mb(h(heap.builtin, 'after'))}; `
      + `ours adds ${mb(h(heap.ours, 'after') - h(heap.builtin, 'after'))} with the 1 MB digest open`);
  }
  console.log([
    'open: from the keydown of the Enter that runs the palette command until VS Code\'s webview host shows the content frame (it does when',
    '  the page has loaded, or 200 ms after its HTML was written), then until the next frame has run; before it (VS Code\'s marks in the',
    '  webview\'s page): the page made, the HTML from the extension host arrived, written into the frame; "entry headings": h3 elements on',
    '  the page at that moment (ours paints the cards around the editor\'s line first, then patches in the rest).',
    'keystroke: a digit typed into the editor (Playwright) after a marker in a summary line near the middle, until a MutationObserver in the',
    '  preview sees the new text, then until the next frame; each key after the last one is visible and a pause (0.7 s seed, 1.5 s 1 MB).',
    '  Of which, until the extension host sees the edit (onDidChangeTextDocument; its clock against the page\'s: approximate): VS Code\'s part.',
    'host stall: the longest gap of a ~1 ms timer in the extension host during the typing, with the Papers view (ours) or the Outline',
    '  (built-in) shown in the side bar. Times are from the page\'s clock (performance.timeOrigin + now() in each frame).',
    'targets: keystroke → visible ≤ 60 ms seed, ≤ 100 ms 1 MB; open → first cards ≤ 300 ms on 1 MB; no host stall > 50 ms.',
  ].join('\n'));
}

function writeJson(insights: unknown): void {
  const cpus = os.cpus();
  const data = {
    date: new Date().toISOString(),
    machine: { cpu: cpus[0]?.model, cores: cpus.length, totalMemGB: +(os.totalmem() / 2 ** 30).toFixed(1), platform: `${os.type()} ${os.release()}`, node: process.version },
    loadAverage: { before: loadBefore, after: os.loadavg() },
    seconds: (Date.now() - started) / 1000,
    reps: Number(process.env.BENCH_REPS || 7),
    summary,
    insights,
    samples: Object.fromEntries(results),
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(data, null, 2) + '\n');
  console.log(`\nall samples: ${path.relative(process.cwd(), OUT)}; total ${((Date.now() - started) / 1000).toFixed(0)} s (sessions: ours ${String(results.get('seconds:ours'))} s, built-in ${String(results.get('seconds:builtin'))} s); load average before/after: ${loadBefore.map((l) => l.toFixed(2)).join(' ')} / ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

async function main(): Promise<void> {
  requireHost();
  // ABBA: ours, the built-in, the built-in, ours, each session with half the repetitions, so that a drift in the
  // machine's load during the run favours neither side.
  const builtin = path.join(ROOT, 'test/bench-host/carrier');
  await session('ours', ROOT);
  await session('builtin', builtin);
  await session('builtin', builtin);
  await session('ours', ROOT);
  print();
  // The 5,000-digest workspace: index build, the insights dashboard's first open, reopen and a change (no peer).
  const insights = ONLY === 'preview' ? undefined : await benchInsights();
  writeJson(insights);
}

main().then(() => exit(0), (error: unknown) => exit(1, `bench failed while ${currentPhase()}: ${error instanceof Error ? error.stack : String(error)}`));
