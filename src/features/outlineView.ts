// The "Daily Papers" tree view: day → entries → sections of the active digest, sorted, filtered, following
// the cursor, and refreshed per element while typing.
import * as vscode from 'vscode';
import { buildOutline, nodeAtLine, type Outline, type OutlineNode, type OutlineSort } from '../digest';
import { DIAGNOSTIC_SOURCE } from './convert';
import type { DigestService } from './digests';
import type { EntryRef } from './entryTarget';

/** The tree's element: a stable handle per id, so that VS Code can match elements across refreshes. */
export interface OutlineHandle {
  readonly id: string;
}

const SEVERITY_ICON: Record<number, vscode.ThemeIcon> = {
  [vscode.DiagnosticSeverity.Error]: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  [vscode.DiagnosticSeverity.Warning]: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  [vscode.DiagnosticSeverity.Information]: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

export class OutlineProvider implements vscode.TreeDataProvider<OutlineHandle>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineHandle | OutlineHandle[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly handles = new Map<string, OutlineHandle>();
  private document: vscode.TextDocument | undefined;
  private outline: Outline | undefined;
  /** What each element looked like when last shown, to refresh only the ones that changed. */
  private signatures = new Map<string, string>();
  /** The worst problem icon per entry id, computed with the signatures. */
  private icons = new Map<string, vscode.ThemeIcon>();
  private sort: OutlineSort = 'file';
  private filter = '';

  constructor(private readonly digests: DigestService) {}

  get current(): { document: vscode.TextDocument; outline: Outline } | undefined {
    return this.document && this.outline ? { document: this.document, outline: this.outline } : undefined;
  }

  get options(): { sort: OutlineSort; filter: string } {
    return { sort: this.sort, filter: this.filter };
  }

  setOptions(options: { sort?: OutlineSort; filter?: string }): void {
    this.sort = options.sort ?? this.sort;
    this.filter = options.filter ?? this.filter;
    void vscode.commands.executeCommand('setContext', 'dailyPapers.outline.filtered', this.filter !== '');
    this.update(this.document, true);
  }

  /** Shows `document` (or nothing); fires change events only for the elements that differ. */
  update(document: vscode.TextDocument | undefined, force = false): void {
    const digest = document && this.digests.getDigest(document);
    const switched = document !== this.document;
    this.document = digest ? document : undefined;
    this.outline = digest && buildOutline(digest, { sort: this.sort, filter: this.filter });
    const signatures = this.computeSignatures();
    if (switched || force) {
      this.signatures = signatures;
      this.changed.fire(undefined);
      return;
    }
    const dirty: OutlineHandle[] = [];
    let rootChanged = signatures.get('') !== this.signatures.get('');
    for (const [id, signature] of signatures) {
      if (id !== '' && this.signatures.get(id) !== signature) {
        if (!this.outline?.byId.has(id)) rootChanged = true;
        dirty.push(this.handle(id));
      }
    }
    this.signatures = signatures;
    if (rootChanged) this.changed.fire(undefined);
    else if (dirty.length) this.changed.fire(dirty);
  }

  getTreeItem(handle: OutlineHandle): vscode.TreeItem {
    const node = this.outline?.byId.get(handle.id);
    if (!node || !this.document) {
      // An element gone since VS Code asked (the document switched): keep its id so the tree stays consistent.
      const gone = new vscode.TreeItem('');
      gone.id = handle.id;
      return gone;
    }
    const item = new vscode.TreeItem(this.label(node), this.collapsible(node));
    item.id = node.id;
    // The handle, not a line number: the line is looked up on click, so items need no refresh when lines move.
    item.command = { command: 'dailyPapers.outline.reveal', title: vscode.l10n.t('Go to Line'), arguments: [handle] };
    if (node.kind === 'day') {
      item.description = vscode.l10n.t('{0} entries', node.entries.length);
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'day';
    } else if (node.kind === 'entry') {
      const e = node.entry;
      item.description = node.description;
      item.iconPath = this.icons.get(node.id) ?? new vscode.ThemeIcon('file-text');
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(e.title);
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(`arXiv ${e.arxivId ?? '—'}${node.date ? ` · ${node.date}` : ''}\n\n${(e.authors?.names ?? []).join(', ')}`);
      item.tooltip = tooltip;
      item.contextValue = e.arxivId ? 'entry' : 'entryWithoutId';
    } else {
      item.iconPath = new vscode.ThemeIcon(node.section.label ? 'symbol-key' : 'circle-small');
      item.tooltip = node.section.text;
      item.contextValue = 'section';
    }
    return item;
  }

  getChildren(handle?: OutlineHandle): OutlineHandle[] {
    if (!this.outline) return [];
    if (!handle) return [...this.outline.days.map((d) => d.id), ...this.outline.orphans.map((e) => e.id)].map((id) => this.handle(id));
    const node = this.outline.byId.get(handle.id);
    if (node?.kind === 'day') return node.entries.map((e) => this.handle(e.id));
    if (node?.kind === 'entry') return node.sections.map((s) => this.handle(s.id));
    return [];
  }

  getParent(handle: OutlineHandle): OutlineHandle | undefined {
    const node = this.outline?.byId.get(handle.id);
    if (node?.kind === 'entry') return node.dayId ? this.handle(node.dayId) : undefined;
    if (node?.kind === 'section') return this.handle(node.id.slice(0, node.id.lastIndexOf('/')));
    return undefined;
  }

  /** Where an element's source starts, in the current version of the document. */
  locate(handle: OutlineHandle): EntryRef | undefined {
    const node = this.outline?.byId.get(handle.id);
    return node && this.document ? { uri: this.document.uri.toString(), line: this.line(node) } : undefined;
  }

  /** The element to select for a cursor line (a section, else its entry, else the day). */
  handleAtLine(line: number): OutlineHandle | undefined {
    const node = this.outline && nodeAtLine(this.outline, line);
    return node && this.outline!.byId.has(node.id) ? this.handle(node.id) : undefined;
  }

  get message(): string | undefined {
    if (!this.outline || !this.filter) return undefined;
    const shown = this.outline.days.reduce((n, d) => n + d.entries.length, this.outline.orphans.length);
    const total = this.document ? (this.digests.getDigest(this.document)?.entries.length ?? 0) : 0;
    return vscode.l10n.t('Filter "{0}": {1} of {2} entries', this.filter, shown, total);
  }

  private handle(id: string): OutlineHandle {
    let h = this.handles.get(id);
    if (!h) this.handles.set(id, (h = { id }));
    return h;
  }

  private label(node: OutlineNode): string {
    if (node.kind === 'day') return node.day.date;
    if (node.kind === 'entry') return node.entry.title || vscode.l10n.t('(untitled entry)');
    return node.label;
  }

  private collapsible(node: OutlineNode): vscode.TreeItemCollapsibleState {
    if (node.kind === 'day') return vscode.TreeItemCollapsibleState.Expanded;
    if (node.kind === 'entry' && node.sections.length) return vscode.TreeItemCollapsibleState.Collapsed;
    return vscode.TreeItemCollapsibleState.None;
  }

  private line(node: OutlineNode): number {
    if (node.kind === 'day') return node.day.headerRange.start.line;
    if (node.kind === 'entry') return node.entry.headingRange.start.line;
    return node.section.range.start.line;
  }

  private worstIcon(diagnostics: readonly vscode.Diagnostic[], from: number, to: number): vscode.ThemeIcon | undefined {
    let worst: number | undefined;
    for (const d of diagnostics) {
      if (d.range.start.line >= from && d.range.start.line <= to && (worst === undefined || d.severity < worst)) worst = d.severity;
    }
    return worst === undefined ? undefined : SEVERITY_ICON[worst];
  }

  /** A string per element that changes whenever what the element shows (or its children) changes. */
  private computeSignatures(): Map<string, string> {
    const result = new Map<string, string>();
    if (!this.outline || !this.document) return result;
    const diagnostics = vscode.languages.getDiagnostics(this.document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    this.icons = new Map();
    const o = this.outline;
    result.set('', [...o.days.map((d) => d.id), ...o.orphans.map((e) => e.id)].join('|'));
    for (const day of o.days) result.set(day.id, `${day.day.date}|${day.entries.map((e) => e.id).join(',')}`);
    for (const e of [...o.days.flatMap((d) => d.entries), ...o.orphans]) {
      const icon = this.worstIcon(diagnostics, e.entry.range.start.line, e.entry.range.end.line);
      if (icon) this.icons.set(e.id, icon);
      const authors = (e.entry.authors?.names ?? []).join(',');
      result.set(e.id, `${e.entry.title}|${e.description}|${icon?.id ?? ''}|${authors}|${e.sections.map((s) => s.label).join(',')}`);
      for (const s of e.sections) result.set(s.id, `${s.label}|${s.section.text}`);
    }
    return result;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
