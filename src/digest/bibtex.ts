// A BibTeX entry for a paper, from what the digest knows (arXiv ID, title, authors, digest date), written so that
// plain `bibtex` + `pdflatex` compile it: text escaped for LaTeX, `$…$` math kept verbatim, non-ASCII letters as commands.
import { baseArxivId } from './arxiv';

export interface BibtexInput {
  readonly arxivId: string;
  readonly title: string;
  readonly authors: readonly string[];
  /** The digest left some authors out (see ParsedAuthors): BibTeX's `and others` says so. */
  readonly authorsOmitted?: boolean;
  /** The digest date (YYYY-MM-DD); the year falls back to the ID's. */
  readonly date?: string;
}

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ϑ: 'vartheta', ι: 'iota',
  κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', ς: 'varsigma', τ: 'tau', υ: 'upsilon',
  φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi',
  Σ: 'Sigma', Υ: 'Upsilon', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
};

/** Symbols plain LaTeX has a command for (text mode). */
const SYMBOLS: Record<string, string> = {
  '‘': '`', '’': "'", '“': '``', '”': "''", '–': '--', '—': '---', '…': '\\ldots{}', '×': '$\\times$', '→': '$\\rightarrow$',
  '←': '$\\leftarrow$', '≤': '$\\leq$', '≥': '$\\geq$', '≈': '$\\approx$', '±': '$\\pm$', '∞': '$\\infty$', '·': '$\\cdot$',
  ß: '{\\ss}', æ: '{\\ae}', Æ: '{\\AE}', ø: '{\\o}', Ø: '{\\O}', œ: '{\\oe}', Œ: '{\\OE}', å: '{\\aa}', Å: '{\\AA}', ł: '{\\l}',
  Ł: '{\\L}', ı: '{\\i}', '\u00a0': '~',
};

/** Combining marks (after NFD) and the LaTeX accent command for each (those plain pdflatex's OT1 encoding has). */
const ACCENTS: Record<string, string> = {
  '\u0300': '`', '\u0301': "'", '\u0302': '^', '\u0303': '~', '\u0304': '=', '\u0306': 'u', '\u0307': '.', '\u0308': '"',
  '\u030a': 'r', '\u030b': 'H', '\u030c': 'v', '\u0327': 'c',
};

const TEXT_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}', $: '\\$', '&': '\\&', '%': '\\%', '#': '\\#',
  _: '\\_', '^': '\\^{}', '~': '\\~{}',
};

/** One character outside math, as LaTeX text; an unprintable one becomes `?` rather than an error. */
function textChar(c: string): string {
  if (TEXT_SPECIAL[c]) return TEXT_SPECIAL[c];
  if (c <= '\u007e') return c;
  if (GREEK[c]) return `$\\${GREEK[c]}$`;
  if (SYMBOLS[c]) return SYMBOLS[c];
  const [base, ...marks] = c.normalize('NFD');
  if (/^[A-Za-z]$/.test(base) && marks.length > 0) {
    // `{\'{e}}`: the braces keep BibTeX from changing the letter's case and guard the command. A mark OT1 has no
    // command for (the ogonek of `ą`) is dropped: the letter stays.
    const known = marks.filter((m) => ACCENTS[m]);
    return `{${known.reduce((inner, m) => `\\${ACCENTS[m]}{${inner}}`, base === 'i' && known.length ? '\\i' : base)}}`;
  }
  return '?';
}

/** Inside `$…$` everything is kept but letters plain LaTeX cannot read. */
const mathChar = (c: string): string => (c <= '\u007e' ? c : GREEK[c] ? `\\${GREEK[c]}{}` : '?');

function balancedBraces(s: string): boolean {
  let depth = 0;
  for (const c of s) if ((depth += c === '{' ? 1 : c === '}' ? -1 : 0) < 0) return false;
  return depth === 0;
}

/** Escapes text for a BibTeX field read by LaTeX: `$…$` math (balanced, non-empty) kept, everything else as text. */
export function latexEscape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const close = s[i] === '$' ? s.indexOf('$', i + 1) : -1;
    const math = close > i + 1 ? s.slice(i + 1, close) : null;
    if (math !== null && balancedBraces(math) && !/\\$/.test(math)) {
      out += `$${[...math].map(mathChar).join('')}$`;
      i = close + 1;
      continue;
    }
    const c = String.fromCodePoint(s.codePointAt(i)!);
    out += textChar(c.normalize('NFC'));
    i += c.length;
  }
  return out;
}

/** A stable key, unique per paper: first author's surname, year, and the arXiv ID. */
function citationKey(id: string, surname: string, year: string): string {
  return `${surname}${year}-${id.replace(/\//g, '-')}`;
}

export function toBibtex({ arxivId, title, authors, authorsOmitted, date }: BibtexInput): string {
  const id = baseArxivId(arxivId);
  const idYear = /^(\d{2})\d{2}\./.exec(id)?.[1];
  const year = date?.slice(0, 4) ?? (idYear ? `20${idYear}` : '');
  const surname = (authors[0] ?? 'anonymous').split(/\s+/).pop()!.normalize('NFD').toLowerCase().replace(/[^a-z0-9]/g, '') || 'paper';
  const fields = [
    ['title', `{${latexEscape(title)}}`],
    ['author', `{${[...authors.map(latexEscape), ...(authorsOmitted ? ['others'] : [])].join(' and ')}}`],
    ['year', `{${year}}`],
    ['eprint', `{${id}}`],
    ['archivePrefix', '{arXiv}'],
    ['url', `{https://arxiv.org/abs/${id}}`],
  ].filter(([name]) => name !== 'author' || authors.length > 0);
  return `@misc{${citationKey(id, surname, year)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}
