// Document symbols (Outline view, breadcrumbs, Go to Symbol) and folding ranges, from the document's model.
// Symbols stop at entries: summary sections are the tree view's, so the Outline costs little next to the
// built-in Markdown provider's (every symbol is serialised and merged with the built-in's).
import * as vscode from 'vscode';
import { foldingRegions, type OutlineEntry } from '../digest';
import { toRange } from './convert';
import type { DigestService } from './digests';

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
      const symbol = new vscode.DocumentSymbol(`Daily Papers (${d.day.date})`, vscode.l10n.t('{0} entries', d.entries.length), vscode.SymbolKind.Namespace, toRange(d.day.range), toRange(d.day.headerRange));
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
