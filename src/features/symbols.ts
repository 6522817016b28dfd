// Document symbols (Outline view, breadcrumbs, Go to Symbol) and folding ranges, from the document's model.
// Symbols stop at entries: summary sections are the tree view's, so the Outline costs little next to the
// built-in Markdown provider's (every symbol is serialised and merged with the built-in's).
import * as vscode from 'vscode';
import { foldingRegions, type OutlineEntry } from '../digest';
import { DIGEST_SELECTOR } from './registerValidation';
import type { Configuration } from './configuration';
import { entryCount, toRange } from './convert';
import type { DigestService } from './digests';

/** VS Code's Markdown extension, whose symbols already list every heading: each day and each paper. */
const MARKDOWN_EXTENSION = 'vscode.markdown-language-features';

/**
 * Whether our day and paper symbols are wanted beside the built-in's: with `dailyPapers.symbols.provide` at
 * `missing` (the default) only when the Markdown extension is disabled, so no paper is listed twice.
 */
export function provideAllSymbols(configuration: Configuration): boolean {
  return configuration.get('symbols').provide === 'all' || vscode.extensions.getExtension(MARKDOWN_EXTENSION) === undefined;
}

function entrySymbol(e: OutlineEntry): vscode.DocumentSymbol {
  const votes = e.entry.vote?.value;
  const detail = [votes !== undefined && votes !== null ? `▲ ${votes}` : '', e.entry.arxivId ?? ''].filter(Boolean).join(' · ');
  return new vscode.DocumentSymbol(e.entry.title || '(untitled)', detail, vscode.SymbolKind.Object, toRange(e.entry.range), toRange(e.entry.headingRange));
}

export class DigestSymbols implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  constructor(private readonly digests: DigestService) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const outline = this.digests.getModel(document)?.outline;
    if (!outline) return [];
    const days = outline.days.map((d) => {
      const symbol = new vscode.DocumentSymbol(`Daily Papers (${d.day.date})`, entryCount(d.entries.length), vscode.SymbolKind.Namespace, toRange(d.day.range), toRange(d.day.headerRange));
      symbol.children = d.entries.map(entrySymbol);
      return symbol;
    });
    return [...days, ...outline.orphans.map(entrySymbol)];
  }

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const digest = this.digests.getDigest(document);
    return digest ? foldingRegions(digest).map((r) => new vscode.FoldingRange(r.start, r.end, vscode.FoldingRangeKind.Region)) : [];
  }
}

/**
 * Registers the document symbols while they are wanted (see `provideAllSymbols`). VS Code keeps a document's symbols
 * until its next edit, but drops them when a provider comes or goes: so the setting takes effect at once.
 */
export function registerDocumentSymbols(symbols: DigestSymbols, configuration: Configuration): vscode.Disposable {
  let registration: vscode.Disposable | undefined;
  const update = () => {
    const wanted = provideAllSymbols(configuration);
    if (wanted && !registration) registration = vscode.languages.registerDocumentSymbolProvider(DIGEST_SELECTOR, symbols, { label: 'Daily Papers' });
    else if (!wanted && registration) {
      registration.dispose();
      registration = undefined;
    }
  };
  update();
  const listeners = [configuration.onDidChange((section) => section === 'symbols' && update()), vscode.extensions.onDidChange(update)];
  return new vscode.Disposable(() => {
    registration?.dispose();
    listeners.forEach((l) => l.dispose());
  });
}
