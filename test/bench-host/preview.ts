// The extension-host side of the host benchmark's preview rows, for both sessions: ours (Daily Papers: Open Preview to
// the Side, the Papers view shown) and the built-in (Markdown: Open Preview to the Side, the Outline view shown). The
// launcher's Playwright driver (scripts/host/benchPreview.ts) runs the palette command and types the keys; this side
// prepares the editor, asks the driver (a `BENCH_DRIVE` line; the answer comes back as a file in BENCH_SYNC) and, while
// the keys are typed, measures how long this extension host's event loop stalls (a ~1 ms timer's longest gap).
// Also: the extension host's heap after a forced GC, before and after opening the 1 MB digest.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { PreviewInfo } from '../../src/preview/preview';
import { pollUntil, resetEditors } from '../integration/helpers';
import { startProfile } from './profile';

/** What the suite asks the driver to do in the browser. */
export type DriveStep =
  | { readonly step: 'open'; readonly command: string }
  | { readonly step: 'type'; readonly marker: string; readonly keys: number; readonly pauseMs: number };
export type DriveRequest = DriveStep & { readonly id: string };

/** Milliseconds from the Enter that ran the command until the webview showed its content, and until the frame after it. */
export interface OpenResult {
  /** The steps before (null: VS Code made no such mark): the webview's page created, the HTML arrived, written into the content frame. */
  created: number | null;
  content: number | null;
  written: number | null;
  shown: number;
  painted: number;
  /** Entry headings (h3) in the page when it was shown. */
  headings: number;
}

/** Per key, milliseconds from its keydown until the new text is in the preview's DOM, and until the frame after it. */
export interface TypeResult {
  /** Each keydown, in the page's clock (performance.timeOrigin + now(), milliseconds since 1970). */
  keydown: number[];
  dom: (number | null)[];
  painted: (number | null)[];
}

export type DriveResult = OpenResult | TypeResult;

/** What the preview rows of one session report per input (arrays, pooled over sessions by the launcher). */
export interface PreviewSample {
  open: OpenResult[];
  dom: (number | null)[];
  painted: (number | null)[];
  /** From each keydown until this extension host saw the edit (onDidChangeTextDocument), across two processes' clocks. */
  arrived: (number | null)[];
  /** Longest gap of a ~1 ms timer in the extension host while the keys were typed, and how many gaps exceeded 50 ms. */
  longestStall: number[];
  stallsOver50: number[];
  keys: number[];
}

export interface HeapSample {
  /** process.memoryUsage().heapUsed after a forced GC, in bytes: before opening the 1 MB digest, and after. */
  before: number[];
  after: number[];
}

export interface PreviewBenchContext {
  readonly phase: 'ours' | 'builtin';
  readonly reps: number;
  writeFresh(name: string, text: string): Promise<string>;
  quiet(ms?: number): Promise<void>;
  report(key: string, value: unknown): void;
}

/** Typed after the marker's end; the marker makes the edited text findable in both previews' DOM. */
const MARKER = 'dpdmark';

const COMMANDS = {
  ours: { open: 'Daily Papers: Open Preview to the Side', side: 'dailyPapers.outline.focus' },
  builtin: { open: 'Markdown: Open Preview to the Side', side: 'outline.focus' },
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let requests = 0;
/** Asks the launcher's driver to do a step in the browser and waits for its answer. */
async function drive<T extends DriveResult>(request: DriveStep, ms = 180_000): Promise<T> {
  const dir = process.env.BENCH_SYNC;
  if (!dir) throw new Error('BENCH_SYNC is not set: the preview rows need the launcher\'s driver (scripts/host/bench.ts)');
  const id = `drive-${process.pid}-${requests++}`;
  const file = path.join(dir, `${id}.json`);
  console.log(`BENCH_DRIVE ${JSON.stringify({ ...request, id })}`);
  for (const deadline = Date.now() + ms; !fs.existsSync(file); await sleep(20)) {
    if (Date.now() > deadline) throw new Error(`the driver did not answer ${request.step} within ${ms / 1000} s`);
  }
  const answer = JSON.parse(fs.readFileSync(file, 'utf8')) as { result?: T; error?: string };
  if (answer.error !== undefined) throw new Error(`driver, ${request.step}: ${answer.error}`);
  return answer.result!;
}

/** The longest gap between ticks of a ~1 ms timer until stop(): how long the event loop was held at a time. */
function stallMonitor(): { stop(): { longest: number; over50: number } } {
  let last = performance.now();
  let longest = 0;
  let over50 = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    if (now - last > 50) over50++;
    last = now;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  return {
    stop() {
      running = false;
      return { longest, over50 };
    },
  };
}

/** This extension host's heap after a full garbage collection (through the inspector: the host has no --expose-gc). */
export async function heapAfterGc(): Promise<number> {
  const inspector = await import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method: string) => new Promise<void>((resolve, reject) => session.post(method, (error) => (error ? reject(error) : resolve())));
  try {
    await post('HeapProfiler.enable');
    await post('HeapProfiler.collectGarbage');
    await post('HeapProfiler.collectGarbage');
  } finally {
    session.disconnect();
  }
  return process.memoryUsage().heapUsed;
}

/**
 * Heap after a forced GC, then the 1 MB digest opened in an editor (ours: its diagnostics published and the workspace
 * index ready), then the heap again. Run it before anything else has opened documents in the session.
 */
export async function heapRun(ctx: PreviewBenchContext, bigText: string, ready: (document: vscode.TextDocument) => Promise<unknown>): Promise<void> {
  await ctx.quiet(1000);
  const before = await heapAfterGc();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(await ctx.writeFresh('heap-big', bigText)));
  await vscode.window.showTextDocument(document, { preview: false });
  await ready(document);
  await ctx.quiet(1000);
  const after = await heapAfterGc();
  ctx.report(`heap:${ctx.phase}`, { before: [before], after: [after] } satisfies HeapSample);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * One input: the digest in an editor with the side bar view shown; the preview opened to the side `reps` times through
 * the palette (closed in between), then keys typed into the editor with the preview open.
 */
export async function previewRun(ctx: PreviewBenchContext, name: string, text: string, editOffset: number, pauseMs: number): Promise<void> {
  const marked = `${text.slice(0, editOffset)} ${MARKER}${text.slice(editOffset)}`;
  const caret = editOffset + 1 + MARKER.length;
  const uri = vscode.Uri.file(await ctx.writeFresh(`preview-${name}`, marked));
  // What earlier measurements left dirty in background tabs would otherwise ask to be saved when editors close.
  await resetEditors();
  const document = await vscode.workspace.openTextDocument(uri);
  const commands = COMMANDS[ctx.phase];
  const focusEditor = async () => {
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: false });
    const at = document.positionAt(caret);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  };
  await focusEditor();
  await vscode.commands.executeCommand(commands.side);
  await focusEditor();
  await ctx.quiet(1000);

  const sample: PreviewSample = { open: [], dom: [], painted: [], arrived: [], longestStall: [], stallsOver50: [], keys: [] };
  for (let i = 0; i < ctx.reps; i++) {
    if (i > 0) {
      await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
      await focusEditor();
      await ctx.quiet();
    }
    sample.open.push(await drive<OpenResult>({ step: 'open', command: commands.open }));
    if (ctx.phase === 'ours') await previewSettled(uri);
    await ctx.quiet(1000);
  }

  await focusEditor();
  await ctx.quiet(1000);
  const keys = Math.min(2 * ctx.reps, 20);
  // `npm run profile:host -- preview`: a CPU profile of this host while the keys are typed in the 1 MB digest.
  const profiler = process.env.BENCH_PROFILE && ctx.phase === 'ours' && name === 'big' ? await startProfile() : undefined;
  const monitor = stallMonitor();
  const arrivals: number[] = [];
  const changes = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === document && e.contentChanges.length) arrivals.push(performance.timeOrigin + performance.now());
  });
  const typed = await drive<TypeResult>({ step: 'type', marker: MARKER, keys, pauseMs });
  changes.dispose();
  const stalls = monitor.stop();
  if (profiler) ctx.report(`profile:preview:${name}`, await profiler.stop(path.join(process.env.BENCH_PROFILE!, `preview-${name}.cpuprofile`)));
  if (document.getText().slice(caret, caret + keys) !== '01234567890123456789'.slice(0, keys)) throw new Error(`${name}: the keys typed did not land after the marker`);
  sample.dom.push(...typed.dom);
  sample.painted.push(...typed.painted);
  sample.arrived.push(...typed.keydown.map((t, k) => (arrivals.length === keys ? arrivals[k]! - t : null)));
  sample.longestStall.push(stalls.longest);
  sample.stallsOver50.push(stalls.over50);
  sample.keys.push(keys);
  ctx.report(`preview:${ctx.phase}:${name}`, sample);

  await resetEditors();
  await ctx.quiet();
}

/** Our page has every card (the first paint's window plus the rest's patch) and has caught up with the host. */
async function previewSettled(uri: vscode.Uri): Promise<void> {
  let last: PreviewInfo | undefined;
  await pollUntil(async () => {
    last = ((await vscode.commands.executeCommand<PreviewInfo[]>('dailyPapers.preview.state')) ?? []).find((p) => p.source === uri.toString());
    return !!last && last.page?.version === last.version && last.page.total === last.entries;
  }, () => `the preview of ${uri.path} to show every card (${JSON.stringify(last)})`, 60_000);
}
