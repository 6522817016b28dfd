// A BibTeX entry for a paper, from what the digest knows (arXiv ID, title, authors, digest date).
import { baseArxivId } from './arxiv';

export interface BibtexInput {
  readonly arxivId: string;
  readonly title: string;
  readonly authors: readonly string[];
  /** The digest date (YYYY-MM-DD); the year falls back to the ID's. */
  readonly date?: string;
}

/** Escapes the characters BibTeX treats specially, keeping LaTeX already in titles (`$\\nabla$`). */
function escape(s: string): string {
  return s.replace(/([&%#_])/g, '\\$1').replace(/[{}]/g, '');
}

export function toBibtex({ arxivId, title, authors, date }: BibtexInput): string {
  const id = baseArxivId(arxivId);
  const idYear = /^(\d{2})\d{2}\./.exec(id)?.[1];
  const year = date?.slice(0, 4) ?? (idYear ? `20${idYear}` : '');
  const surname = (authors[0] ?? 'anonymous').split(/\s+/).pop()!.toLowerCase().replace(/[^a-z0-9]/g, '') || 'paper';
  const key = `${surname}${year}${id.replace(/[^0-9]/g, '').slice(-5)}`;
  const fields = [
    ['title', `{${escape(title)}}`],
    ['author', `{${authors.map(escape).join(' and ')}}`],
    ['year', `{${year}}`],
    ['eprint', `{${id}}`],
    ['archivePrefix', '{arXiv}'],
    ['url', `{https://arxiv.org/abs/${id}}`],
  ].filter(([name]) => name !== 'author' || authors.length > 0);
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}
