// The preview renderer's public face: entries as cards, days, whole digests, patches, HTML export. No vscode.
export * from './types';
export { renderEntry, searchText, type EntryRenderOptions } from './card';
export { renderDay, fillDay, CARDS_SLOT, type DayRenderOptions } from './day';
export { renderDigest, digestBodyHtml, CardCache } from './digest';
export { diffDigests, sameLayout } from './diff';
export { exportDigestHtml, documentLanguage, EXPORT_CSP, type ExportOptions } from './export';
export { markdownToHtml, inlineMarkdownToHtml, escapeHtml, SANITIZE_SCHEMA } from './markdown';
export { safeUrl, domId } from './html';
