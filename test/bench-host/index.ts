// Host benchmark suite, never pass/fail. BENCH_PHASE=ours: activation and the cold getDigest of a typical and a ~1 MB digest;
// BENCH_PHASE=builtin (run with an empty carrier extension, ours not loaded): VS Code's built-in Markdown document symbols on the same text.
// Results go to the launcher as `BENCH_RESULT {json}` lines (scripts/host/bench.ts prints the table).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { extension, workspaceUri } from '../integration/helpers';

const REPS = Number(process.env.BENCH_REPS || 7);

export interface Sample {
  /** Milliseconds, one per fresh document; the first is the coldest. */
  times: number[];
  /** Entries (ours) or top-level symbols (built-in), to show the work was done. */
  count: number;
}

export async function run(): Promise<void> {
  const inputs = buildInputs(path.join(process.env.DPD_CORPUS ?? '', 'dev'));
  report('inputs', Object.fromEntries(Object.entries(inputs).map(([name, text]) => [name, Buffer.byteLength(text)])));
  if (process.env.BENCH_PHASE === 'builtin') {
    if (vscode.extensions.getExtension('daily-papers.daily-papers-digest')) throw new Error('the built-in phase must run without this extension');
    await measure('warmup', inputs.typical, 1, symbols); // loads the Markdown extension and its language server
    for (const [name, text] of Object.entries(inputs)) report(`builtin:${name}`, await measure(name, text, REPS, symbols));
    return;
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
  // The extension parses a digest as soon as it opens, so getDigest on an opened Markdown file is a cache hit.
  // For a cold parse, open the text as plain text (no listener of ours parses it) and present it as Markdown.
  const cold = async (document: vscode.TextDocument) => {
    const markdown = Object.create(document, { languageId: { value: 'markdown' } }) as vscode.TextDocument;
    const t = performance.now();
    const count = api.getDigest(markdown)?.entries.length ?? -1;
    return { ms: performance.now() - t, count };
  };
  await measure('warmup', inputs.typical, 1, cold, 'txt');
  for (const [name, text] of Object.entries(inputs)) {
    report(`ours:${name}`, await measure(name, text, REPS, cold, 'txt'));
    // What an Outline costs with this extension installed: the built-in and our provider, merged by VS Code.
    report(`both:${name}`, await measure(`${name}-md`, text, REPS, symbols));
  }
}

async function symbols(document: vscode.TextDocument): Promise<{ ms: number; count: number }> {
  const t = performance.now();
  const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
  return { ms: performance.now() - t, count: result?.length ?? -1 };
}

/** Times `fn` on REPS fresh documents (new URIs: a cache miss on every side) holding `text`. */
async function measure(name: string, text: string, reps: number, fn: (d: vscode.TextDocument) => Promise<{ ms: number; count: number }>, ext = 'md'): Promise<Sample> {
  const sample: Sample = { times: [], count: 0 };
  for (let i = 0; i < reps; i++) {
    const uri = workspaceUri('bench', `${name}-${i}.${ext}`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    const { ms, count } = await fn(await vscode.workspace.openTextDocument(uri));
    sample.times.push(ms);
    sample.count = count;
  }
  return sample;
}

/** A typical day (the corpus file of median size) and ~1 MB of whole days concatenated in date order. */
function buildInputs(corpus: string): { typical: string; big: string } {
  if (!fs.existsSync(corpus)) throw new Error(`no corpus at ${corpus} (DPD_CORPUS)`);
  const files = fs.readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(corpus, f));
  const bySize = [...files].sort((a, b) => fs.statSync(a).size - fs.statSync(b).size);
  const typical = fs.readFileSync(bySize[Math.floor(bySize.length / 2)]!, 'utf8');
  let big = '';
  for (const file of files) {
    if (Buffer.byteLength(big) >= 1_000_000) break;
    big += fs.readFileSync(file, 'utf8') + '\n';
  }
  return { typical, big };
}

function times(fn: () => void): number[] {
  return Array.from({ length: REPS }, () => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  });
}

function report(key: string, value: unknown): void {
  console.log(`BENCH_RESULT ${JSON.stringify({ key, value })}`);
}
