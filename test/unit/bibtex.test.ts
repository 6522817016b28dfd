import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDigest, toBibliography, toBibtex } from '../../src/digest';

/** Titles as real digests write them, each a way an export has broken LaTeX. */
const TITLES = [
  'Transformer^2: Self-adaptive LLMs',
  'Scaling Laws on a $200k Budget',
  '$\\textit{X}$-Bench: Testing $\\mathcal{O}(n^2)$ Attention',
  'Minimizing $L_2$ Distance with $\\alpha_{t}$ Schedules',
  'Σ-Attention: π and μ in Transformers',
  'Café, Über, naïve, Łódź, Ångström and Dąbrowski: Accents Everywhere',
  'Better & Faster: 100% of #1 Models ~ {Braces} and back\\slash',
  'Lost in $$ Space and a lone $ sign',
  '$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset',
  'GPT-[n] and “Quotes” — Dashes… and $x_1 + y^{2}$ Math',
  'Under_scores and `code` in_title',
];

function run(command: string, args: string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

describe('BibTeX export compiles with bibtex + pdflatex', function () {
  // Installing Debian's TeX takes minutes on a fresh machine; afterwards this is instant.
  this.timeout(900_000);

  before(() => {
    const setup = spawnSync('bash', [join(__dirname, '..', '..', 'scripts', 'tex-setup.sh')], { encoding: 'utf8', timeout: 880_000 });
    assert.equal(setup.status, 0, `scripts/tex-setup.sh failed: ${setup.stderr.trim() || setup.error}`);
  });

  it('escapes text, keeps math verbatim and balanced, converts Greek and accents', () => {
    const bib = (title: string) => /title = \{(.*)\},/.exec(toBibtex({ arxivId: '2501.00001', title, authors: ['A B'] }))![1];
    assert.equal(bib('Transformer^2'), 'Transformer\\^{}2');
    assert.equal(bib('$200k'), '\\$200k');
    assert.equal(bib('$\\textit{X}$'), '$\\textit{X}$');
    assert.equal(bib('$L_2$'), '$L_2$');
    assert.equal(bib('Σ π μ'), '$\\Sigma$ $\\pi$ $\\mu$');
    assert.equal(bib('Café'), "Caf{\\'{e}}");
    assert.equal(bib('Dąb'), 'D{a}b', 'a mark plain LaTeX cannot print is dropped, never an error');
    assert.equal(bib('A & B {x}'), 'A \\& B \\textbraceleft{}x\\textbraceright{}');
  });

  it('ends an author list the digest cut short (`+`) with "and others"', () => {
    const author = (authors: string) => /author = \{(.*)\},/.exec(toBibliography([parseDigest(`## Daily Papers (2025-01-29)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\nAuthors: ${authors}\n`)]))![1];
    assert.equal(author('Ada Lovelace, +, Alan Turing'), 'Ada Lovelace and Alan Turing and others');
    assert.equal(author('Ada Lovelace, Alan Turing'), 'Ada Lovelace and Alan Turing');
  });

  it('gives each paper one stable key, unique even for the same surname, year and ID digits', () => {
    const a = toBibtex({ arxivId: '2501.17161v2', title: 'T', authors: ['Tianzhe Chu'], date: '2025-01-29' });
    assert.match(a, /^@misc\{chu2025-2501\.17161,/);
    assert.equal(toBibtex({ arxivId: '2501.17161', title: 'T', authors: ['Tianzhe Chu'], date: '2025-01-29' }), a);
    assert.notEqual(/\{(.*?),/.exec(toBibtex({ arxivId: '2401.17161', title: 'T', authors: ['Tianzhe Chu'], date: '2025-01-29' }))![1], /\{(.*?),/.exec(a)![1]);
  });

  it('a .bib of tricky real-world titles and authors runs through bibtex and pdflatex without an error', () => {
    const digest = ['## Daily Papers (2025-01-29)', ''];
    TITLES.forEach((title, i) => {
      const md = title.replace(/[[\]]/g, '\\$&');
      digest.push(`### [${md}](https://arxiv.org/abs/2501.${String(10000 + i)})`, '', `Authors: José Müller, Zoë Ñúñez, Σωκράτης Π, A & B, C_D`, '', '- 요약입니다.', '');
    });
    const bib = toBibliography([parseDigest(digest.join('\n'))]);
    assert.equal(bib.match(/@misc\{/g)?.length, TITLES.length);
    const dir = mkdtempSync(join(tmpdir(), 'dp-bibtex-'));
    writeFileSync(join(dir, 'refs.bib'), bib);
    writeFileSync(join(dir, 'paper.tex'), '\\documentclass{article}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n');
    const latex = ['-interaction=nonstopmode', '-halt-on-error', 'paper.tex'];
    for (const [command, args] of [['pdflatex', latex], ['bibtex', ['paper']], ['pdflatex', latex], ['pdflatex', latex]] as const) {
      const r = run(command, [...args], dir);
      assert.equal(r.status, 0, `${command} failed:\n${r.output.slice(-3000)}\n--- refs.bib ---\n${bib}`);
    }
    const log = readFileSync(join(dir, 'paper.log'), 'utf8') + readFileSync(join(dir, 'paper.blg'), 'utf8');
    assert.doesNotMatch(log, /Error|Undefined control sequence|Warning--I didn't find a database entry/, log.slice(-2000));
    assert.equal((readFileSync(join(dir, 'paper.bbl'), 'utf8').match(/\\bibitem/g) ?? []).length, TITLES.length, 'every entry reached the bibliography');
  });
});
