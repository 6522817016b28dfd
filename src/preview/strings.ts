// The preview's user-visible words, translated through vscode.l10n (the pure renderer takes them as data).
// Placeholders are passed as themselves (`'{0}'`), so the templates reach the renderer and the page intact.
import * as vscode from 'vscode';
import type { RenderStrings } from '../digest/render/types';
import type { ToolbarStrings } from './page';
import type { PageStrings } from './protocol';

export function renderStrings(): RenderStrings {
  return {
    dayTitle: vscode.l10n.t('Daily Papers'),
    orphans: vscode.l10n.t('Papers outside any day'),
    paperCount: vscode.l10n.t('{0} papers', '{0}'),
    paperCountOne: vscode.l10n.t('1 paper'),
    votes: vscode.l10n.t('{0} votes', '{0}'),
    votesUnknown: vscode.l10n.t('Votes unknown'),
    authors: vscode.l10n.t('Authors'),
    moreAuthors: vscode.l10n.t('{0} more', '{0}'),
    summary: vscode.l10n.t('Summary'),
    noThumbnail: vscode.l10n.t('No thumbnail'),
    video: vscode.l10n.t('Video: {0}', '{0}'),
    openOnArxiv: vscode.l10n.t('Open {0} on arXiv', '{0}'),
  };
}

/** The preview's cards: a click on the title shows the source, so its tooltip says how to reach arXiv. */
export function previewRenderStrings(): RenderStrings {
  return { ...renderStrings(), openOnArxiv: vscode.l10n.t('Click to show the source · Ctrl+click to open {0} on arXiv', '{0}') };
}

export function toolbarStrings(): ToolbarStrings {
  return {
    controls: vscode.l10n.t('Preview controls'),
    filterLabel: vscode.l10n.t('Filter papers'),
    filterPlaceholder: vscode.l10n.t('Filter by title, author or ID'),
    sort: vscode.l10n.t('Sort'),
    sortFile: vscode.l10n.t('File order'),
    sortVotes: vscode.l10n.t('Votes'),
    thumbnails: vscode.l10n.t('Thumbnails'),
    expandAll: vscode.l10n.t('Expand all'),
    collapseAll: vscode.l10n.t('Collapse all'),
    noMatches: vscode.l10n.t('No papers match the filter.'),
    notADigest: vscode.l10n.t('This document holds no Daily Papers entries.'),
  };
}

export function pageStrings(): PageStrings {
  return { count: vscode.l10n.t('{0} of {1} papers', '{0}', '{1}'), countAll: vscode.l10n.t('{0} papers', '{0}') };
}
