// The `Authors:` field: a comma list, or (one week of 2025) a Python list literal `['A', 'B']`.

export interface ParsedAuthors {
  readonly style: 'comma' | 'python-list';
  /** The names, without the `+` that stands for authors the page left out. */
  readonly names: string[];
  /** The list has a `+` (`A, B, +, Y, Z`): Hugging Face's page showed only some of the authors. */
  readonly omitted: boolean;
}

/** What Hugging Face's page writes in an author list where it leaves authors out (52 of the corpus's lists). */
const OMITTED = '+';

export function parseAuthors(value: string): ParsedAuthors {
  const v = value.trim();
  let listed: string[] | null = null;
  let style: ParsedAuthors['style'] = 'comma';
  if (v.startsWith('[') && v.endsWith(']')) {
    listed = parsePythonList(v.slice(1, -1));
    if (listed) style = 'python-list';
  }
  listed ??= v === '' ? [] : v.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const names = listed.filter((n) => n !== OMITTED);
  return { style, names, omitted: names.length < listed.length };
}

/** Reads `'A', "B's"` (Python repr quoting, backslash escapes); null if it is not such a list. */
function parsePythonList(body: string): string[] | null {
  const names: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < body.length && /\s/.test(body[i])) i++;
  };
  skipSpace();
  while (i < body.length) {
    const quote = body[i];
    if (quote !== "'" && quote !== '"') return null;
    let name = '';
    i++;
    while (i < body.length && body[i] !== quote) {
      if (body[i] === '\\' && i + 1 < body.length) i++;
      name += body[i++];
    }
    if (i >= body.length) return null;
    i++;
    names.push(name.trim());
    skipSpace();
    if (i < body.length) {
      if (body[i] !== ',') return null;
      i++;
      skipSpace();
    }
  }
  return names.filter((n) => n !== '');
}
