// Typed access to the `dailyPapers.preview.*` settings.
import * as vscode from 'vscode';
import { REMOTE_IMAGES_VALUES, type RemoteImages } from '../digest/render';
import type { PreviewSettings } from './protocol';

export const PREVIEW_SECTION = 'dailyPapers.preview';

export interface PreviewConfig extends PreviewSettings {
  readonly maxAuthors: number;
  /** Characters above which the preview shows a message instead of the cards. */
  readonly maxSize: number;
  /** Which remote images the preview, hover cards and HTML export load. */
  readonly remoteImages: RemoteImages;
}

export function previewConfig(scope?: vscode.ConfigurationScope): PreviewConfig {
  const c = vscode.workspace.getConfiguration(PREVIEW_SECTION, scope);
  return {
    openOnDoubleClick: c.get<boolean>('openOnDoubleClick', true),
    scrollSync: c.get<boolean>('scrollSync', true),
    showThumbnails: c.get<boolean>('showThumbnails', true),
    maxAuthors: Math.max(1, Math.floor(c.get<number>('maxAuthors', 12))),
    maxSize: Math.max(0, c.get<number>('maxSize', 5_000_000)),
    remoteImages: remoteImagesSetting(c.get<string>('remoteImages')),
  };
}

/** An unknown value falls back to the default, the narrowest policy but `none`. */
export function remoteImagesSetting(value: string | undefined): RemoteImages {
  return (REMOTE_IMAGES_VALUES as readonly (string | undefined)[]).includes(value) ? (value as RemoteImages) : 'paperThumbnails';
}
