// Hostile and huge inputs: each runs the path a digest reaches (by default parse, validate and format), timed beside
// a plain line scan of the same text, at n and 4n: time(4n) / time(n) is about 4 for linear time, 16 for quadratic.
import { applyEdits, findDuplicatePapers, formatDigest, nonOverlappingFixEdits, parseDigest, validate } from '../src/digest';
import { findArxivReferences } from '../src/digest/references';
import { measure, type Plan } from './measure';
import { fmtMs } from './report';

const HEAD = '## Daily Papers (2025-01-01)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\n';

const entries = (n: number, id: (i: number) => string): string =>
  '## Daily Papers (2025-01-01)\n\n' + Array.from({ length: n }, (_, i) => `### [Paper ${i}](https://arxiv.org/abs/${id(i)})\n\nVote: ${i % 90}\n\n- x\n\n`).join('');
const uniqueId = (i: number) => `25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + Math.floor(i / 12)).padStart(5, '0')}`;

/** Parse, validate, quick-fix edits chosen and applied: what a lightbulb request and `lint --fix` do. */
const fixPath = (text: string) => applyEdits(text, nonOverlappingFixEdits(validate(parseDigest(text))));

/** Each case builds its input at a given scale (1 = its base size); `run` is the path under test (parse + validate + format by default). */
const CASES: Record<string, (scale: number, corpusText: string) => string> = {
  '10 MB digest': (s, corpus) => corpus.repeat(Math.ceil((10_000_000 * s) / corpus.length)).slice(0, 10_000_000 * s),
  '200,000-character line': (s) => HEAD + "- ***What's New***: " + 'ab cd '.repeat(33_333 * s) + '\n',
  '200,000 spaces inside lines': (s) => HEAD + '- x' + ' '.repeat(200_000 * s) + 'y\nVote: 3' + ' '.repeat(100_000 * s) + 'x\n',
  '10,000 nested brackets': (s) => '## Daily Papers (2025-01-01)\n\n### ' + '['.repeat(10_000 * s) + 'x' + ']'.repeat(10_000 * s) + '(https://arxiv.org/abs/2501.00001)\n- ' + '['.repeat(10_000 * s) + '\n',
  '50,000 *': (s) => HEAD + '- ' + '*'.repeat(50_000 * s) + '\n### ' + '*'.repeat(50_000 * s) + '\n',
  'unterminated code fences': (s) => HEAD + '```\n' + '### [T](https://arxiv.org/abs/2501.00001)\n~~~\n'.repeat(20_000 * s),
  'lone surrogates and NUL bytes': (s) => HEAD + '- \uD800\u0000\uDFFF x'.repeat(50_000 * s) + '\n',
  'entry with 5,000 authors': (s) => HEAD + 'Authors: ' + Array.from({ length: 5_000 * s }, (_, i) => `Author Number${i}`).join(', ') + '\n- 요약\n',
  '50,000 backticks and tags': (s) => HEAD + '- ' + '`'.repeat(50_000 * s) + ' <a> ' + '<b x'.repeat(10_000 * s) + '\n',
  'arXiv ID and 40,000 [ on one line (links, hover)': (s) => '2501.00001 ' + '['.repeat(40_000 * s) + ' [a](' + '('.repeat(10_000 * s),
  '10,000 fixes (lightbulb, lint --fix)': (s) => HEAD + '- ' + 'a <x> '.repeat(10_000 * s) + '\n',
  '25,000 entries, one < at the end (swallowed-html)': (s) => entries(25_000 * s, uniqueId) + '- <\n',
  '25,000 unique entries (lint)': (s) => entries(25_000 * s, uniqueId),
  '25,000 duplicates of one ID (lint)': (s) => entries(25_000 * s, () => '2501.00001'),
};

const RUNS: Record<string, (text: string) => unknown> = {
  'arXiv ID and 40,000 [ on one line (links, hover)': (text) => findArxivReferences(text),
  '10,000 fixes (lightbulb, lint --fix)': fixPath,
  '25,000 unique entries (lint)': (text) => findDuplicatePapers([{ name: 'a.md', doc: parseDigest(text) }]).size + validate(parseDigest(text)).length,
  '25,000 duplicates of one ID (lint)': (text) => findDuplicatePapers([{ name: 'a.md', doc: parseDigest(text) }]).size,
};

function lineScan(text: string): number {
  let n = 0;
  for (let start = 0; start < text.length; ) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    n += nl - start;
    start = nl + 1;
  }
  return n;
}

export interface PathologicalRow {
  readonly label: string;
  readonly chars: number;
  readonly ours: number;
  readonly lineScan: number;
  /** ours(4n) / ours(n): about 4 for linear time, 16 for quadratic. */
  readonly growth: number;
  /** log4 of the growth: the exponent k of time ∝ n^k (1 linear, 2 quadratic). */
  readonly exponent: number;
}

export function pathologicalRows(corpusText: string, quick: boolean): PathologicalRow[] {
  const plan: Plan = quick ? { warmup: 0, reps: 1 } : { warmup: 1, reps: 3 };
  const standard = (text: string) => formatDigest(parseDigest(text)) && validate(parseDigest(text));
  return Object.entries(CASES).map(([label, make]) => {
    const run = RUNS[label] ?? standard;
    const ours = (text: string) => measure(() => run(text), plan).median;
    const small = make(1, corpusText);
    // 40 MB would only measure the machine's memory.
    const large = label.startsWith('10 MB') ? undefined : make(4, corpusText);
    const oursSmall = ours(small);
    const growth = large ? ours(large) / oursSmall : NaN;
    return { label, chars: small.length, ours: oursSmall, lineScan: measure(() => lineScan(small), plan).median, growth, exponent: Math.log(growth) / Math.log(4) };
  });
}

export function formatPathologicalRows(rows: readonly PathologicalRow[]): string {
  const lines = ['| input | chars at n | ours at n (ms) | line scan (ms) | ours / line scan | time at 4n / n | growth exponent |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    const sweep = Number.isNaN(r.growth) ? ['–', '–'] : [r.growth.toFixed(2), r.exponent.toFixed(2)];
    lines.push(`| ${r.label} | ${r.chars.toLocaleString('en')} | ${fmtMs(r.ours)} | ${fmtMs(r.lineScan)} | ${Math.round(r.ours / r.lineScan)}× | ${sweep.join(' | ')} |`);
  }
  return lines.join('\n');
}
