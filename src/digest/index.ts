// The public face of the digest core: parse, update, cache, export. Pure: no vscode import.
import type { DigestDocument } from './types';

export * from './types';
export { parseDigest, updateDigest, isCalendarDate } from './document';
export { DigestCache, applyChanges, type CacheStats } from './cache';
export { arxivIdFromUrl, isArxivUrl, isHuggingFacePaperUrl, isValidArxivId, baseArxivId, arxivAbsUrl, arxivPdfUrl, huggingFacePaperUrl, thumbnailUrl } from './arxiv';
export { toExport, type ExportedFile } from './export';

/** A cheap pre-check: text without this can have no day header, so it need not be parsed to know. */
export function mayHaveDayHeader(text: string): boolean {
  return text.includes('Daily Papers (');
}

/**
 * Whether a parsed Markdown file is a digest: it has a day header, or the user said so (`matched`: the
 * `dailyPapers.files` setting in the editor). Every feature, the CLI and the index decide through this.
 */
export function isDigest(doc: DigestDocument, matched = false): boolean {
  return doc.hasDayHeader || matched;
}
export * from './validate';
export { arrangeEntries, buildOutline, entryAtLine, entryDescription, entryLabel, entrySignatures, foldingRegions, matchesFilter, nodeAtLine, nodeById } from './outline';
export type { EntrySignatures, Outline, OutlineDay, OutlineEntry, OutlineNode, OutlineOptions, OutlineSection, OutlineSort, FoldingRegion } from './outline';
export { DigestModel, ModelCache, type ModelStats } from './model';
export { PaperIndex, papersOf, type IndexedPaper, type PaperMatch, type MatchKind } from './paperIndex';
export { toBibtex, type BibtexInput } from './bibtex';
export { formatDigest, type FormatOptions } from './format';
export { digestPath, entryText, isNewDigestText, minimalEdit, newDigestText, parseArxivInput, sortEntriesByVotes, toBibliography, toCsv, type CsvOptions, type EntryDraft } from './authoring';
export { labelMarkup, preferredStyle } from './lines';
