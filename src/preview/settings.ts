// Typed access to the `dailyPapers.preview.*` settings.
import * as vscode from 'vscode';
import type { PreviewSettings } from './protocol';

export const PREVIEW_SECTION = 'dailyPapers.preview';

export interface PreviewConfig extends PreviewSettings {
  readonly maxAuthors: number;
  /** Characters above which the preview shows a message instead of the cards. */
  readonly maxSize: number;
}

export function previewConfig(scope?: vscode.ConfigurationScope): PreviewConfig {
  const c = vscode.workspace.getConfiguration(PREVIEW_SECTION, scope);
  return {
    openOnDoubleClick: c.get<boolean>('openOnDoubleClick', true),
    scrollSync: c.get<boolean>('scrollSync', true),
    showThumbnails: c.get<boolean>('showThumbnails', true),
    maxAuthors: Math.max(1, Math.floor(c.get<number>('maxAuthors', 12))),
    maxSize: Math.max(0, c.get<number>('maxSize', 5_000_000)),
  };
}
