// What the preview takes from the `dailyPapers.preview.*` settings.
import type { Configuration } from '../features/configuration';
import type { PreviewSettings } from './protocol';

export interface PreviewConfig extends PreviewSettings {
  readonly maxAuthors: number;
  /** Characters above which the preview shows a message instead of the cards. */
  readonly maxSize: number;
}

export function previewConfig(configuration: Configuration): PreviewConfig {
  const c = configuration.get('preview');
  return { ...c, maxAuthors: Math.floor(c.maxAuthors) };
}
