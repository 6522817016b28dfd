// The `Authors:` field: a comma list, or (one week of 2025) a Python list literal `['A', 'B']`.

export interface ParsedAuthors {
  readonly style: 'comma' | 'python-list';
  readonly names: string[];
}

export function parseAuthors(value: string): ParsedAuthors {
  const v = value.trim();
  if (v.startsWith('[') && v.endsWith(']')) {
    const names = parsePythonList(v.slice(1, -1));
    if (names) return { style: 'python-list', names };
  }
  return { style: 'comma', names: v === '' ? [] : v.split(',').map((n) => n.trim()).filter((n) => n !== '') };
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
