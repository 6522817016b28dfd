// The parsers we compare against, each over a whole document: remark-parse, markdown-it, markdownlint (default rules).
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export type BaselineId = 'remark' | 'markdownIt' | 'markdownlint';

export interface Baseline {
  readonly id: BaselineId;
  readonly label: string;
  /** Parses (or lints) the whole text; returns the result so that the work cannot be skipped. */
  readonly run: (text: string) => unknown;
}

const remark = unified().use(remarkParse);
const md = new MarkdownIt();

export const BASELINES: readonly Baseline[] = [
  { id: 'remark', label: 'remark', run: (text) => remark.parse(text) },
  { id: 'markdownIt', label: 'markdown-it', run: (text) => md.parse(text, {}) },
  // No config: markdownlint's default, every rule on.
  { id: 'markdownlint', label: 'markdownlint', run: (text) => lint({ strings: { doc: text } }) },
];
