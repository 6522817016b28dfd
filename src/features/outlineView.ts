// The "Daily Papers" tree view: day → entries → sections of the active digest, sorted, filtered, following
// the cursor. It reads the document's model (one outline per version) and refreshes only the elements that
// changed; it does nothing while its view is hidden.
import * as vscode from 'vscode';
import { arrangeEntries, entryLabel, entrySignatures, nodeById, type DigestModel, type OutlineEntry, type OutlineNode, type OutlineSort } from '../digest';
import { DIAGNOSTIC_SOURCE, entryCount } from './convert';
import type { DigestService } from './digests';
import { Disposable } from './dispose';
import type { EntryRef } from './entryTarget';
import { countBelow } from '../digest/sorted';

/** The tree's element: a stable handle per id, so that VS Code can match elements across refreshes. */
export interface OutlineHandle {
  readonly id: string;
}

const SEVERITY_ICON: Record<number, vscode.ThemeIcon> = {
  [vscode.DiagnosticSeverity.Error]: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  [vscode.DiagnosticSeverity.Warning]: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  [vscode.DiagnosticSeverity.Information]: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

/** The id the root has in the signature and parent maps. */
const ROOT = '';

/** What the tree shows: every element's signature (changes whenever what it shows changes) and parent. */
interface Shown {
  readonly signatures: Map<string, string>;
  readonly parents: Map<string, string>;
  readonly children: Map<string, readonly string[]>;
  readonly icons: Map<string, vscode.ThemeIcon>;
}

const NOTHING: Shown = { signatures: new Map(), parents: new Map(), children: new Map(), icons: new Map() };

export class OutlineProvider extends Disposable implements vscode.TreeDataProvider<OutlineHandle> {
  private readonly changed = this.register(new vscode.EventEmitter<OutlineHandle | OutlineHandle[] | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly handles = new Map<string, OutlineHandle>();
  private document: vscode.TextDocument | undefined;
  private model: DigestModel | undefined;
  private shown: Shown = NOTHING;
  private sort: OutlineSort = 'file';
  private filter = '';
  /** How often the tree computed what it shows: tests assert none while the view is hidden. */
  readonly stats = { refreshes: 0 };

  constructor(private readonly digests: DigestService) {
    super();
  }

  get current(): { document: vscode.TextDocument; model: DigestModel } | undefined {
    return this.document && this.model ? { document: this.document, model: this.model } : undefined;
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

  /** Shows `document` (or nothing); fires change events only for elements VS Code knows that differ. */
  update(document: vscode.TextDocument | undefined, force = false): void {
    this.stats.refreshes++;
    const model = document && this.digests.getModel(document);
    const switched = document !== this.document;
    this.document = model ? document : undefined;
    this.model = model;
    const previous = this.shown;
    this.shown = this.computeShown();
    for (const id of this.handles.keys()) if (!this.shown.signatures.has(id)) this.handles.delete(id);
    if (switched || force) return this.changed.fire(undefined);
    const dirty = changedElements(previous, this.shown);
    if (dirty === 'root') this.changed.fire(undefined);
    else if (dirty.length) this.changed.fire(dirty.map((id) => this.handle(id)));
  }

  getTreeItem(handle: OutlineHandle): vscode.TreeItem {
    const node = this.node(handle.id);
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
      item.description = entryCount(node.entries.length);
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'day';
    } else if (node.kind === 'entry') {
      const e = node.entry;
      item.description = node.description;
      item.iconPath = this.shown.icons.get(node.id) ?? new vscode.ThemeIcon('file-text');
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
    return (this.shown.children.get(handle?.id ?? ROOT) ?? []).map((id) => this.handle(id));
  }

  getParent(handle: OutlineHandle): OutlineHandle | undefined {
    const parent = this.shown.parents.get(handle.id);
    return parent ? this.handle(parent) : undefined;
  }

  /** Where an element's source starts, in the current version of the document. */
  locate(handle: OutlineHandle): EntryRef | undefined {
    const node = this.node(handle.id);
    return node && this.document ? { uri: this.document.uri.toString(), line: this.line(node) } : undefined;
  }

  /** The element to select for a cursor line (a section, else its entry, else the day), if the tree shows it. */
  handleAtLine(line: number): OutlineHandle | undefined {
    const node = this.model?.nodeAt(line);
    return node && this.shown.signatures.has(node.id) ? this.handle(node.id) : undefined;
  }

  get message(): string | undefined {
    if (!this.model || !this.filter) return undefined;
    const shown = this.arranged().reduce((n, [, entries]) => n + entries.length, 0);
    return vscode.l10n.t('Filter "{0}": {1} of {2} entries', this.filter, shown, this.model.doc.entries.length);
  }

  private node(id: string): OutlineNode | undefined {
    return this.model && this.shown.signatures.has(id) ? nodeById(this.model.outline, id) : undefined;
  }

  private handle(id: string): OutlineHandle {
    let h = this.handles.get(id);
    if (!h) this.handles.set(id, (h = { id }));
    return h;
  }

  private label(node: OutlineNode): string {
    if (node.kind === 'day') return node.day.date;
    if (node.kind === 'entry') return entryLabel(node.entry, vscode.l10n.t('(untitled entry)'));
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

  /** The root's groups as the view shows them: each day (or the orphans, id null) with its sorted, filtered entries. */
  private arranged(): [string | null, readonly OutlineEntry[]][] {
    if (!this.model) return [];
    const options = { sort: this.sort, filter: this.filter };
    const outline = this.model.outline;
    return [...outline.days.map((d): [string | null, readonly OutlineEntry[]] => [d.id, arrangeEntries(d.entries, options)]), [null, arrangeEntries(outline.orphans, options)]];
  }

  private computeShown(): Shown {
    if (!this.model || !this.document) return NOTHING;
    const shown: Shown = { signatures: new Map(), parents: new Map(), children: new Map(), icons: new Map() };
    const worst = worstSeverities(vscode.languages.getDiagnostics(this.document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE));
    // Linear in the entries, and untouched entries' signatures are the same strings as before: a keystroke in a
    // 1 MB digest neither copies out every entry's sections nor compares their text.
    const addEntry = (e: OutlineEntry, parent: string) => {
      const severity = worst(e.entry.range.start.line, e.entry.range.end.line);
      const icon = severity === undefined ? undefined : SEVERITY_ICON[severity];
      if (icon) shown.icons.set(e.id, icon);
      const signatures = entrySignatures(e.entry);
      shown.signatures.set(e.id, icon ? `${signatures.entry}|${icon.id}` : signatures.entry);
      shown.parents.set(e.id, parent);
      const sectionIds = signatures.sections.map((_, i) => `${e.id}/${i}`);
      shown.children.set(e.id, sectionIds);
      sectionIds.forEach((id, i) => {
        shown.signatures.set(id, signatures.sections[i]);
        shown.parents.set(id, e.id);
      });
    };
    // Days first, then the entries outside any day.
    const days: string[] = [];
    let orphans: string[] = [];
    for (const [dayId, entries] of this.arranged()) {
      const parent = dayId ?? ROOT;
      for (const e of entries) addEntry(e, parent);
      if (dayId === null) {
        orphans = entries.map((e) => e.id);
        continue;
      }
      const ids = entries.map((e) => e.id);
      shown.signatures.set(dayId, ids.join(','));
      shown.parents.set(dayId, ROOT);
      shown.children.set(dayId, ids);
      days.push(dayId);
    }
    const roots = days.concat(orphans);
    shown.children.set(ROOT, roots);
    shown.signatures.set(ROOT, roots.join('|'));
    return shown;
  }
}

/** The worst severity among diagnostics starting on lines `[from, to]`, by binary search over them sorted by line. */
function worstSeverities(diagnostics: readonly vscode.Diagnostic[]): (from: number, to: number) => number | undefined {
  const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
  return (from, to) => {
    let worst: number | undefined;
    for (let i = countBelow(sorted, (d) => d.range.start.line, from); i < sorted.length && sorted[i].range.start.line <= to; i++) if (worst === undefined || sorted[i].severity < worst) worst = sorted[i].severity;
    return worst;
  };
}

/**
 * The elements to refresh between two states: elements VS Code knows (shown before and now) whose signature
 * changed, without those under another refreshed element; 'root' when the root's children changed. A new or
 * removed element changes its parent's signature, so VS Code is never asked about an element it does not know.
 */
function changedElements(before: Shown, after: Shown): string[] | 'root' {
  if (before.signatures.get(ROOT) !== after.signatures.get(ROOT)) return 'root';
  const changed = new Set<string>();
  for (const [id, signature] of after.signatures) {
    if (id !== ROOT && before.signatures.has(id) && before.signatures.get(id) !== signature) changed.add(id);
  }
  const underChanged = (id: string) => {
    for (let p = after.parents.get(id); p !== undefined && p !== ROOT; p = after.parents.get(p)) if (changed.has(p)) return true;
    return false;
  };
  return [...changed].filter((id) => !underChanged(id));
}
