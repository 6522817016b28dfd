// Validation settings shared by the editor and the CLI: per-rule severity and the label style to expect.
import { RULES } from './rules';
import type { Severity, SeveritySetting } from './types';

/** The label styles a config may expect (`auto`: the document's majority); also the settings' and schema's enum. */
export const LABEL_STYLE_SETTINGS = ['auto', 'bold', 'bold-italic'] as const;

export interface ValidationConfig {
  /** Rule id → severity, or `off`. Rules not named keep their default. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** The label style era-dependent rules expect; `auto` takes the document's majority. */
  readonly labelStyle?: (typeof LABEL_STYLE_SETTINGS)[number];
}

export const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Later configs override earlier ones rule by rule (the editor passes the file config, then its settings). */
export function mergeConfigs(...configs: (ValidationConfig | undefined)[]): ValidationConfig {
  let rules: Record<string, SeveritySetting> = {};
  let labelStyle: ValidationConfig['labelStyle'] = 'auto';
  for (const c of configs) {
    if (!c) continue;
    rules = { ...rules, ...c.rules };
    if (c.labelStyle && c.labelStyle !== 'auto') labelStyle = c.labelStyle;
  }
  return { rules, labelStyle };
}

/** Each rule's own severity, by id (asked for every rule on every validation). */
const DEFAULT_SEVERITIES = new Map<string, SeveritySetting>(RULES.map((r) => [r.meta.id, r.meta.severity]));

export function severityOf(ruleId: string, config: ValidationConfig): Severity | null {
  const setting = config.rules?.[ruleId] ?? DEFAULT_SEVERITIES.get(ruleId) ?? 'off';
  return setting === 'off' ? null : setting;
}

/**
 * Reads a config file's JSON text (`.daily-papers.json`). Returns the config and a list of problems in it;
 * unknown rules and bad values are reported and ignored, never fatal.
 */
export function parseConfig(json: string): { config: ValidationConfig; errors: string[] } {
  const errors: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { config: {}, errors: [`not valid JSON: ${(e as Error).message}`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { config: {}, errors: ['expected a JSON object'] };
  const obj = raw as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null) errors.push('"rules" must be an object');
    else {
      for (const [id, value] of Object.entries(obj.rules)) {
        if (!RULES.some((r) => r.meta.id === id)) errors.push(`unknown rule "${id}"`);
        else if (!SEVERITIES.includes(value as SeveritySetting)) errors.push(`rule "${id}": expected one of ${SEVERITIES.join(', ')}`);
        else rules[id] = value as SeveritySetting;
      }
    }
  }
  let labelStyle: ValidationConfig['labelStyle'];
  if (obj.labelStyle !== undefined) {
    if (LABEL_STYLE_SETTINGS.includes(obj.labelStyle as never)) labelStyle = obj.labelStyle as ValidationConfig['labelStyle'];
    else errors.push(`"labelStyle" must be one of ${LABEL_STYLE_SETTINGS.map((s) => `"${s}"`).join(', ')}`);
  }
  return { config: { rules, labelStyle }, errors };
}
