// Host benchmark suite, never pass/fail; results go to the launcher as `BENCH_RESULT {json}` lines (scripts/host/bench.ts
// prints the tables and writes bench/host-results.json).
//
// BENCH_PHASE=ours (this extension loaded; VS Code's built-in Markdown extension active too, as for any user):
//   activation, require of the bundle, a cold getDigest; edit → our diagnostics; document symbols and folding ranges
//   through VS Code's commands (both providers answer, results merged) and through our providers directly (api.symbols).
// BENCH_PHASE=builtin (an empty carrier extension instead of ours): the same edits and commands answered by VS Code's
//   built-in Markdown features alone, with `markdown.validate.enabled` on for the validation part.
// Both: the extension host's heap after a forced GC around opening the 1 MB digest, and the preview rows (preview.ts:
//   open → first content and keystroke → visible, ours against the built-in Markdown preview, with the launcher's driver).
//   BENCH_ONLY=preview: only those.
//
// Both phases use the same two texts (a seed-sized digest and ~1 MB of whole days from the corpus), with one broken
// fragment link appended to a summary line near the middle, and the same one-character edits at the same places.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { keystrokeSite, seedInput } from '../../bench/inputs';
import { parseDigest } from '../../src/digest';
import type { DailyPapersApi } from '../../src/extension';
import { extension, nextEvent, revert, SOURCE, until } from '../integration/helpers';
import { heapRun, previewRun, type PreviewBenchContext } from './preview';
import { startProfile } from './profile';

const REPS = Number(process.env.BENCH_REPS || 7);
/** Edits per validation run: each flips the probed problem on or off, so every one yields a new, recognisable result. */
const VALIDATION_EDITS = Number(process.env.BENCH_VALIDATION_EDITS || 2 * REPS);
/** Appended to the probe line: a link to a heading no digest has, which the built-in validation reports. */
const PROBE = ' [x](#no-such-heading)';
const BIG_BYTES = 1_000_000;
const FILES = path.join(os.tmpdir(), 'dpd-bench');

export interface Sample {
  /** Milliseconds, one per fresh document; the first is the coldest. */
  times: number[];
  /** Entries (ours) or top-level symbols (built-in), to show the work was done. */
  count: number;
}

/** Document symbols or folding ranges on fresh documents: the first call after opening, then the first after an edit. */
export interface ProviderSample {
  /** openTextDocument of the fresh file (our open listeners included in phase ours). */
  open: number[];
  cold: number[];
  edit: number[];
  /** Symbols (recursively) or folding ranges returned, cold and after the edit. */
  count: number;
  countEdit: number;
  /** Direct calls only: characters of JSON.stringify(result) after the edit, roughly what the extension host sends the workbench. */
  json?: number;
}

/** Edit → diagnostics of the new text, one per edit (each from a quiet extension host). `null`: not seen within 60 s. */
export interface ValidationSample {
  /** Set when no diagnostics of that source came for the document at all (e.g. the built-in validates only documents in editors). */
  none?: string;
  /** Until the diagnostics are in the extension host's diagnostics (polled every ~1 ms); the same moment they are sent to the workbench. */
  published: (number | null)[];
  /** Until `languages.onDidChangeDiagnostics` reports them (VS Code delivers that event 50 ms after the first change it batches). */
  event: (number | null)[];
  /** Until the extension host sees the edit (onDidChangeTextDocument): the round trip through the workbench. */
  changed: (number | null)[];
  /** The longest the extension host's event loop was busy (gap between ~1 ms poll ticks) while waiting, per edit. */
  blocked: number[];
  /** Diagnostics of that source on the document before the first edit. */
  diagnostics: number;
  /** Ours only: api.getProblems right after an edit (incremental parse + validation, no throttle, no delivery). */
  direct?: number[];
}

interface Input {
  file: string;
  text: string;
  bytes: number;
  chars: number;
  lines: number;
  entries: number;
  /** Offset of the one-character edit for symbols and folding: the middle of a summary line near the middle of the text. */
  editOffset: number;
  /** 0-based line that carries PROBE at its end. */
  probeLine: number;
}

type Phase = 'ours' | 'builtin';

export async function run(): Promise<void> {
  const phase: Phase = process.env.BENCH_PHASE === 'builtin' ? 'builtin' : 'ours';
  fs.mkdirSync(FILES, { recursive: true });
  const inputs = buildInputs(process.env.DPD_CORPUS ?? '');
  report('inputs', Object.fromEntries(Object.entries(inputs).map(([name, { text: _text, ...rest }]) => [name, rest])));
  await checkSettings(phase);
  await background();
  const previewContext: PreviewBenchContext = { phase, reps: REPS, writeFresh, quiet, report };

  if (phase === 'builtin') {
    if (vscode.extensions.getExtension('daily-papers.daily-papers-digest')) throw new Error('the built-in phase must run without this extension');
    await heapRun(previewContext, inputs.big.text, async () => undefined);
    await background();
    if (process.env.BENCH_ONLY === 'preview') return previewRuns(previewContext, inputs);
    const seed = await fresh('warmup', inputs.seed.text);
    await symbolsCommand(seed); // loads the Markdown extension and starts its language server
    await builtinValidation(inputs);
    for (const [name, input] of Object.entries(inputs)) {
      report(`symbols:builtin:${name}`, await providerRuns(`b-sym-${name}`, input, symbolsCommand));
      report(`folding:builtin:${name}`, await providerRuns(`b-fold-${name}`, input, foldingCommand));
    }
    return previewRuns(previewContext, inputs);
  }

  const ext = extension();
  if (ext.isActive) throw new Error('the extension was already active: activation cannot be measured');
  const t0 = performance.now();
  const api = await ext.activate();
  report('activation', performance.now() - t0);
  const main = path.join(ext.extensionPath, 'dist', 'extension.js');
  const load = createRequire(main);
  report('load', times(() => {
    delete load.cache[main];
    load(main);
  }));
  await api.index.ready;
  await heapRun(previewContext, inputs.big.text, (document) => api.getProblems(document));
  await background();
  if (process.env.BENCH_ONLY === 'preview') return previewRuns(previewContext, inputs);
  // The extension parses a digest as soon as it opens, so getDigest on an opened Markdown file is a cache hit.
  // For a cold parse, open the text as plain text (no listener of ours parses it) and present it as Markdown.
  const cold = async (document: vscode.TextDocument) => {
    const markdown = Object.create(document, { languageId: { value: 'markdown' } }) as vscode.TextDocument;
    const t = performance.now();
    const count = api.getDigest(markdown)?.entries.length ?? -1;
    return { ms: performance.now() - t, count };
  };
  await measure('warmup', inputs.seed.text, 1, cold, 'txt');
  await symbolsCommand(await fresh('warmup', inputs.seed.text)); // the built-in Markdown extension and its server
  for (const [name, input] of Object.entries(inputs)) report(`ours:${name}`, await measure(name, input.text, REPS, cold, 'txt'));

  // `npm run profile:host -- typing`: only typing in the 1 MB digest in an editor, profiled.
  if (process.env.BENCH_ONLY === 'typing') {
    report('validation:ours:big', await validation('o-val-big', inputs.big, 'ours', true, api));
    return;
  }
  for (const [name, input] of Object.entries(inputs)) {
    report(`validation:ours:${name}`, await validation(`o-val-${name}`, input, 'ours', true, api));
    report(`validation-hidden:ours:${name}`, await validation(`o-hid-${name}`, input, 'ours', false));
  }
  let last: unknown[] = [];
  const direct = (fn: (d: vscode.TextDocument) => unknown[]) => async (d: vscode.TextDocument) => countOf((last = fn(d)));
  const withJson = (sample: ProviderSample) => ({ ...sample, json: JSON.stringify(last).length });
  for (const [name, input] of Object.entries(inputs)) {
    report(`symbols:direct:${name}`, withJson(await providerRuns(`d-sym-${name}`, input, direct((d) => api.symbols.provideDocumentSymbols(d)))));
    report(`folding:direct:${name}`, withJson(await providerRuns(`d-fold-${name}`, input, direct((d) => api.symbols.provideFoldingRanges(d)))));
    report(`symbols:merged:${name}`, await providerRuns(`m-sym-${name}`, input, symbolsCommand));
    report(`folding:merged:${name}`, await providerRuns(`m-fold-${name}`, input, foldingCommand));
  }
  await previewRuns(previewContext, inputs);
}

/** The preview rows, seed then 1 MB (with a longer pause between keys: the built-in preview takes over a second there). */
async function previewRuns(ctx: PreviewBenchContext, inputs: Record<'seed' | 'big', Input>): Promise<void> {
  await previewRun(ctx, 'seed', inputs.seed.text, inputs.seed.editOffset, 700);
  await previewRun(ctx, 'big', inputs.big.text, inputs.big.editOffset, 1500);
}

// ---- settings -------------------------------------------------------------------------------

/** files.autoSave must be off (the web workbench's default is on): edits stay in memory. Reports the effective values. */
async function checkSettings(phase: Phase): Promise<void> {
  const files = vscode.workspace.getConfiguration('files');
  const found = files.get<string>('autoSave');
  if (found !== 'off') {
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    await until(vscode.workspace.onDidChangeConfiguration, () => vscode.workspace.getConfiguration('files').get('autoSave') === 'off', 'files.autoSave off');
  }
  report(`settings:${phase}`, {
    autoSaveFound: found,
    autoSave: vscode.workspace.getConfiguration('files').get('autoSave'),
    validationDelay: vscode.workspace.getConfiguration('dailyPapers').get('validation.delay'),
    markdownValidate: vscode.workspace.getConfiguration('markdown').get('validate.enabled'),
  });
}

async function setMarkdownValidation(enabled: boolean): Promise<void> {
  await vscode.workspace.getConfiguration('markdown').update('validate.enabled', enabled, vscode.ConfigurationTarget.Workspace);
  await until(vscode.workspace.onDidChangeConfiguration, () => vscode.workspace.getConfiguration('markdown').get('validate.enabled') === enabled, `markdown.validate.enabled ${enabled}`);
}

// ---- validation -----------------------------------------------------------------------------

async function builtinValidation(inputs: Record<string, Input>): Promise<void> {
  await setMarkdownValidation(true);
  // Only in an editor: the built-in validates documents shown in tabs (in a trial, one open in no editor got no diagnostics in 20 s).
  for (const [name, input] of Object.entries(inputs)) report(`validation:builtin:${name}`, await validation(`b-val-${name}`, input, 'builtin', true));
  // Off again, so that the symbol and folding runs do not pay for validating every document they open.
  await setMarkdownValidation(false);
  await sleep(1000);
}

/**
 * One document, shown in an editor (`shown`: the workbench then also asks every provider for folding, symbols, links…
 * after each edit, as when typing) or only opened (our validation pipeline alone); each edit flips a problem on the probe line, so the diagnostics of the new text are
 * recognisable: ours, a trailing space after the line (trailing-whitespace hint); built-in, an `x` at the end of the
 * broken link's fragment (its "No header found" message names the fragment).
 */
async function validation(name: string, input: Input, who: Phase, shown: boolean, api?: DailyPapersApi): Promise<ValidationSample> {
  const line = input.probeLine;
  // The built-in Markdown language client publishes its diagnostics without a source (it shows as none in this host).
  const source = who === 'ours' ? SOURCE : 'markdown';
  const isSource = who === 'ours' ? (d: vscode.Diagnostic) => d.source === SOURCE : (d: vscode.Diagnostic) => d.source === undefined || d.source === 'markdown';
  const uri = vscode.Uri.file(await writeFresh(name, input.text));
  const mine = () => vscode.languages.getDiagnostics(uri).filter(isSource);
  const onLine = () => mine().filter((d) => d.range.start.line === line);
  // "Flipped" state: ours has a trailing-whitespace problem on the line; the built-in reports the fragment with its x.
  const flipped = who === 'ours'
    ? () => onLine().some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'trailing-whitespace')
    : () => onLine().some((d) => d.message.includes('no-such-headingx'));
  const settled = who === 'ours' ? () => !flipped() : () => onLine().some((d) => d.message.includes('no-such-heading')) && !flipped();
  const isMine = (e: vscode.DiagnosticChangeEvent) => e.uris.some((u) => u.toString() === uri.toString());

  const first = nextEvent(vscode.languages.onDidChangeDiagnostics, `the first diagnostics of ${name}`, isMine, shown ? 120_000 : 20_000);
  const document = await vscode.workspace.openTextDocument(uri);
  if (shown) await vscode.window.showTextDocument(document, { preview: false });
  const sample: ValidationSample = { published: [], event: [], changed: [], blocked: [], diagnostics: 0 };
  try {
    await first;
    await until(vscode.languages.onDidChangeDiagnostics, settled, () => `the first diagnostics of ${name} (${source}: ${mine().length}, on line ${line + 1}: ${onLine().map((d) => d.message).join(' | ') || 'none'})`, shown ? 120_000 : 20_000);
  } catch (error) {
    if (shown) throw error;
    sample.none = String(error instanceof Error ? error.message : error);
    return sample;
  }
  await quiet();
  sample.diagnostics = mine().length;
  const profiler = process.env.BENCH_PROFILE && who === 'ours' && shown && input.bytes > BIG_BYTES / 2 ? await startProfile() : undefined;

  const flip = (on: boolean) => {
    const end = document.lineAt(line).range.end;
    const edit = new vscode.WorkspaceEdit();
    if (who === 'ours') {
      if (on) edit.insert(uri, end, ' ');
      else edit.delete(uri, new vscode.Range(end.translate(0, -1), end));
    } else {
      const close = end.translate(0, -1); // before the link's ')'
      if (on) edit.insert(uri, close, 'x');
      else edit.delete(uri, new vscode.Range(close.translate(0, -1), close));
    }
    return edit;
  };

  for (let k = 0; k < VALIDATION_EDITS; k++) {
    const on = k % 2 === 0;
    const expected = () => flipped() === on && (on || settled());
    const version = document.version;
    let published: number | null = null;
    let event: number | null = null;
    let changed: number | null = null;
    let blocked = 0;
    let tick = 0;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    let t0 = 0;
    const check = () => {
      if (published === null && expected()) published = performance.now() - t0;
      if (published !== null && event !== null) finish();
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (event === null && isMine(e) && expected()) event = performance.now() - t0;
      check();
    });
    const changes = vscode.workspace.onDidChangeTextDocument((e) => {
      if (changed === null && e.document === document && e.contentChanges.length) changed = performance.now() - t0;
    });
    let polling = true;
    const poll = () => {
      const now = performance.now();
      if (tick) blocked = Math.max(blocked, now - tick);
      tick = now;
      check();
      if (polling) setTimeout(poll, 1);
    };
    const limit = setTimeout(finish, 60_000);
    t0 = performance.now();
    const applied = vscode.workspace.applyEdit(flip(on));
    poll();
    if (!(await applied)) throw new Error(`the edit of ${name} was not applied`);
    await done;
    polling = false;
    clearTimeout(limit);
    subscription.dispose();
    changes.dispose();
    if (document.version !== version + 1) throw new Error(`${name}: expected one edit, the version went from ${version} to ${document.version}`);
    sample.published.push(published);
    sample.event.push(event);
    sample.changed.push(changed);
    sample.blocked.push(blocked);
    await quiet();
  }
  if (profiler) report(`profile:validation:${name}`, await profiler.stop(path.join(process.env.BENCH_PROFILE!, `${name}.cpuprofile`)));

  if (api) {
    // The work behind it: getProblems straight after an edit validates the new version at once (no throttle).
    sample.direct = [];
    for (let k = 0; k < REPS; k++) {
      const on = k % 2 === 0;
      if (!(await vscode.workspace.applyEdit(flip(on)))) throw new Error(`the edit of ${name} was not applied`);
      const t = performance.now();
      const problems = await api.getProblems(document);
      sample.direct.push(performance.now() - t);
      if (problems.some((p) => p.ruleId === 'trailing-whitespace' && p.range.start.line === line) !== on) throw new Error(`${name}: getProblems missed the edit`);
      await quiet();
    }
  }
  // files.autoSave is off: revert, so that closing asks nothing.
  if (shown) {
    await revert(document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
  await background();
  await quiet();
  return sample;
}

// ---- document symbols and folding ranges ----------------------------------------------------

async function symbolsCommand(document: vscode.TextDocument): Promise<number> {
  const result = await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation> | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
  return countOf(result ?? []);
}

async function foldingCommand(document: vscode.TextDocument): Promise<number> {
  const result = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', document.uri);
  return result?.length ?? -1;
}

/** Symbols counted with their children; anything else by length. */
function countOf(items: readonly unknown[]): number {
  let n = 0;
  for (const item of items) n += 1 + countOf((item as Partial<vscode.DocumentSymbol>).children ?? []);
  return n;
}

/**
 * REPS fresh documents (new files: nothing cached on any side), not shown in an editor: `call` right after opening
 * (cold), then once more right after a one-character insert in the middle of a summary line near the middle.
 */
async function providerRuns(name: string, input: Input, call: (d: vscode.TextDocument) => Promise<number>): Promise<ProviderSample> {
  const sample: ProviderSample = { open: [], cold: [], edit: [], count: 0, countEdit: 0 };
  for (let i = 0; i < REPS; i++) {
    const uri = vscode.Uri.file(await writeFresh(`${name}-${i}`, input.text));
    let t = performance.now();
    const document = await vscode.workspace.openTextDocument(uri);
    sample.open.push(performance.now() - t);
    t = performance.now();
    sample.count = await call(document);
    sample.cold.push(performance.now() - t);
    await quiet(); // what opening scheduled (our validation, the language server's asking us to parse) is done
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, document.positionAt(input.editOffset), 'x');
    if (!(await vscode.workspace.applyEdit(edit)) || document.version !== 2) throw new Error(`${name}: the edit was not applied`);
    t = performance.now();
    sample.countEdit = await call(document);
    sample.edit.push(performance.now() - t);
    await quiet();
  }
  return sample;
}

// ---- inputs and helpers ---------------------------------------------------------------------

/** Times `fn` on REPS fresh documents (new URIs: a cache miss on every side) holding `text`. */
async function measure(name: string, text: string, reps: number, fn: (d: vscode.TextDocument) => Promise<{ ms: number; count: number }>, ext = 'md'): Promise<Sample> {
  const sample: Sample = { times: [], count: 0 };
  for (let i = 0; i < reps; i++) {
    const uri = vscode.Uri.file(await writeFresh(`${name}-${i}`, text, ext));
    const { ms, count } = await fn(await vscode.workspace.openTextDocument(uri));
    sample.times.push(ms);
    sample.count = count;
  }
  return sample;
}

let placeholder: vscode.TextDocument | undefined;
/**
 * Shows a small plain-text file. With files.autoSave off, VS Code opens every file an edit made dirty in an editor of
 * its own 800 ms later ("inactive", but it is shown when its group has no other editor): with this one in front, the
 * edited documents stay in background tabs, so no editor asks them for folding, symbols or links behind our back.
 */
async function background(): Promise<void> {
  placeholder ??= await vscode.workspace.openTextDocument(vscode.Uri.file(await writeFresh('placeholder', 'Host benchmark: edited documents open behind this one.\n', 'txt')));
  await vscode.window.showTextDocument(placeholder, { preview: false });
}

let serial = 0;
/** A new file outside the workspace (no file watcher of ours or VS Code's indexes it), under the host's temp dir. */
async function writeFresh(name: string, text: string, ext = 'md'): Promise<string> {
  const file = path.join(FILES, `${name}-${serial++}.${ext}`);
  await fs.promises.writeFile(file, text);
  return file;
}

async function fresh(name: string, text: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(vscode.Uri.file(await writeFresh(name, text)));
}

/**
 * The seed-sized digest (the corpus file closest to the seed's 13.7 KB, as `npm run bench` picks it) and ~1 MB of whole
 * days concatenated in path order; each gets PROBE at the end of its edit line.
 */
function buildInputs(corpusRoot: string): { seed: Input; big: Input } {
  const corpus = path.join(corpusRoot, 'dev');
  if (!fs.existsSync(corpus)) throw new Error(`no corpus at ${corpus} (DPD_CORPUS)`);
  const files = fs.readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(corpus, f));
  const seed = seedInput(corpusRoot);
  let big = '';
  let count = 0;
  for (const file of files) {
    if (Buffer.byteLength(big) >= BIG_BYTES) break;
    big += fs.readFileSync(file, 'utf8') + '\n';
    count++;
  }
  return { seed: input(seed.name, seed.text), big: input(`dev/ first ${count} files`, big) };
}

function input(file: string, original: string): Input {
  const site = keystrokeSite(parseDigest(original));
  let end = original.indexOf('\n', site.offset);
  if (end < 0) end = original.length;
  if (original[end - 1] === '\r') end--;
  const text = original.slice(0, end) + PROBE + original.slice(end);
  return {
    file, text, bytes: Buffer.byteLength(text), chars: text.length, lines: text.split('\n').length,
    entries: parseDigest(text).entries.length, editOffset: site.offset, probeLine: site.line,
  };
}

function times(fn: () => void): number[] {
  return Array.from({ length: REPS }, () => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until this extension host's event loop has run free for `ms` (no 5 ms timer late by more than 20 ms), at most
 * `limit`: so that each measurement starts from an idle host, not in the tail of what the previous one caused.
 */
async function quiet(ms = 500, limit = 15_000): Promise<void> {
  const start = performance.now();
  let last = start;
  let calm = start;
  while (last - start < limit) {
    await sleep(5);
    const now = performance.now();
    if (now - last > 25) calm = now;
    last = now;
    if (now - calm >= ms) return;
  }
}

function report(key: string, value: unknown): void {
  console.log(`BENCH_RESULT ${JSON.stringify({ key, value })}`);
}
