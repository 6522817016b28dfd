// The `dailyPapers.*` settings as typed sections, each value checked against the manifest's own schema facts
// (type, enum, minimum, items, properties): an invalid value is named in a warning and replaced by its default, so
// no feature ever sees it. Pure (no vscode import), so it is unit-tested without the host.
import type { SeveritySetting, ValidationConfig } from '../digest';
import type { RemoteImages } from '../digest/render';

export const SECTION = 'dailyPapers';

export interface ConfigSections {
  readonly files: { readonly files: readonly string[] };
  readonly validation: {
    readonly enabled: boolean;
    readonly delay: number;
    readonly labelStyle: NonNullable<ValidationConfig['labelStyle']>;
    readonly rules: Readonly<Record<string, SeveritySetting>>;
  };
  readonly outline: { readonly followCursor: boolean };
  /** `missing`: only what VS Code's Markdown symbols lack; `all`: ours beside theirs. */
  readonly symbols: { readonly provide: 'missing' | 'all' };
  readonly newDigest: { readonly path: string };
  readonly hover: { readonly enabled: boolean; readonly showThumbnail: boolean; readonly maxAuthors: number; readonly summaryLength: number; readonly linkArxivIds: boolean };
  readonly metadata: { readonly enabled: boolean; readonly arxivApiUrl: string; readonly huggingFaceApiUrl: string; readonly cacheHours: number; readonly timeout: number };
  readonly preview: { readonly openOnDoubleClick: boolean; readonly scrollSync: boolean; readonly showThumbnails: boolean; readonly maxAuthors: number; readonly maxSize: number; readonly remoteImages: RemoteImages };
}
export type SectionName = keyof ConfigSections;

/** The part of JSON Schema the manifest's settings use. */
export interface PropertySchema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly default?: unknown;
  readonly items?: PropertySchema;
  readonly properties?: Readonly<Record<string, PropertySchema>>;
  readonly additionalProperties?: boolean;
}
export type SettingsSchema = Readonly<Record<string, PropertySchema>>;

/** `vscode.l10n.t`, or the identity with placeholders filled in tests. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** `dailyPapers.hover.maxAuthors` → hover, maxAuthors; a setting right under the root (`dailyPapers.files`) is its own section. */
function place(key: string): { section: string; field: string } {
  const [, section = '', ...rest] = key.split('.');
  return { section, field: rest.join('.') || section };
}

export function sectionNames(schema: SettingsSchema): SectionName[] {
  return [...new Set(Object.keys(schema).map((key) => place(key).section))] as SectionName[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `value` does not fit `schema`, or undefined when it does (entries of an object are judged one by one, elsewhere). */
export function mismatch(value: unknown, schema: PropertySchema, t: Translate): string | undefined {
  if (schema.enum && !schema.enum.includes(value)) return t('expected one of {0}', schema.enum.join(', '));
  const expected: Record<string, [(v: unknown) => boolean, string]> = {
    boolean: [(v) => typeof v === 'boolean', t('expected true or false')],
    number: [(v) => typeof v === 'number' && Number.isFinite(v), t('expected a number')],
    string: [(v) => typeof v === 'string', t('expected a string')],
    array: [Array.isArray, t('expected a list')],
    object: [isObject, t('expected an object')],
  };
  const [fits, message] = (schema.type && expected[schema.type]) || [() => true, ''];
  if (!fits(value)) return message;
  if (schema.minimum !== undefined && (value as number) < schema.minimum) return t('expected at least {0}', schema.minimum);
  if (schema.items && Array.isArray(value)) return value.map((v) => mismatch(v, schema.items!, t)).find(Boolean);
  return undefined;
}

const shown = (value: unknown) => JSON.stringify(value) ?? String(value);

/** An object setting with declared entries (`dailyPapers.validation.rules`): each bad entry falls back to its own default. */
function checkEntries(key: string, value: Record<string, unknown>, schema: PropertySchema, t: Translate, warnings: string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(value)) {
    const entrySchema = schema.properties?.[name];
    if (!entrySchema) {
      if (schema.additionalProperties === false) warnings.push(t('Setting {0}: unknown entry "{1}" is ignored.', key, name));
      else kept[name] = entry;
      continue;
    }
    const problem = mismatch(entry, entrySchema, t);
    if (problem) warnings.push(t('Setting {0}: "{1}" is {2}, {3}; using the default {4}.', key, name, shown(entry), problem, shown(entrySchema.default)));
    else kept[name] = entry;
  }
  return kept;
}

/**
 * One section's values, read with `get(fullKey)` and checked against `schema` (the manifest's
 * `contributes.configuration.properties`), with a warning for each value replaced by its default.
 */
export function readSection<S extends SectionName>(section: S, schema: SettingsSchema, get: (key: string) => unknown, t: Translate): { values: ConfigSections[S]; warnings: string[] } {
  const values: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const [key, property] of Object.entries(schema)) {
    const { section: s, field } = place(key);
    if (s !== section) continue;
    const value = get(key) ?? property.default;
    const problem = mismatch(value, property, t);
    if (problem) warnings.push(t('Setting {0}: {1} is not valid, {2}; using the default {3}.', key, shown(value), problem, shown(property.default)));
    values[field] = problem ? property.default : property.properties ? checkEntries(key, value as Record<string, unknown>, property, t, warnings) : value;
  }
  return { values: values as unknown as ConfigSections[S], warnings };
}
