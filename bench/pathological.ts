// Hostile and huge inputs: each is parsed, validated and formatted, and timed beside a plain line scan of the
// same text; the ratio (ours / line scan) at two sizes shows the time grows linearly, not faster.
import { formatDigest, parseDigest, validate } from '../src/digest';
import { measure, type Plan } from './measure';
import { fmtMs } from './report';

const HEAD = '## Daily Papers (2025-01-01)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\n';

/** Each case builds its input at a given scale (1 = the size the issue names). */
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
  /** ours(2×) / ours(1×): about 2 for linear time. */
  readonly growth: number;
}

export function pathologicalRows(corpusText: string, quick: boolean): PathologicalRow[] {
  const plan: Plan = quick ? { warmup: 0, reps: 1 } : { warmup: 1, reps: 3 };
  const ours = (text: string) => measure(() => formatDigest(parseDigest(text)) && validate(parseDigest(text)), plan).median;
  return Object.entries(CASES).map(([label, make]) => {
    const small = make(1, corpusText);
    const scaleTwo = label.startsWith('10 MB') ? undefined : make(2, corpusText);
    const oursSmall = ours(small);
    return {
      label,
      chars: small.length,
      ours: oursSmall,
      lineScan: measure(() => lineScan(small), plan).median,
      growth: scaleTwo ? ours(scaleTwo) / oursSmall : NaN,
    };
  });
}

export function formatPathologicalRows(rows: readonly PathologicalRow[]): string {
  const lines = ['| input | chars | parse+validate+format (ms) | line scan (ms) | ours / line scan | time at 2× size / 1× |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(`| ${r.label} | ${r.chars.toLocaleString('en')} | ${fmtMs(r.ours)} | ${fmtMs(r.lineScan)} | ${Math.round(r.ours / r.lineScan)}× | ${Number.isNaN(r.growth) ? '–' : r.growth.toFixed(2)} |`);
  }
  return lines.join('\n');
}
