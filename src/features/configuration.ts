// The extension's settings, one typed, checked and cached object per section (see configSchema.ts): created once in
// `activate`, re-read only for the section a change affects. An invalid value is reported once, in the log and in a
// warning, and replaced by its default.
import * as vscode from 'vscode';
import { readSection, SECTION, sectionNames, type ConfigSections, type SectionName, type SettingsSchema } from './configSchema';

export class Configuration implements vscode.Disposable {
  private readonly values = new Map<SectionName, unknown>();
  /** The warnings of each section's last read: a later read repeats none of them. */
  private readonly reported = new Map<SectionName, ReadonlySet<string>>();
  private readonly changed = new vscode.EventEmitter<SectionName>();
  /** Fires with the section after its values were re-read. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly schema: SettingsSchema, private readonly log: vscode.LogOutputChannel) {
    const sections = sectionNames(schema);
    for (const section of sections) this.read(section);
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      for (const section of sections) {
        if (!e.affectsConfiguration(`${SECTION}.${section}`)) continue;
        this.read(section);
        this.changed.fire(section);
      }
    });
  }

  get<S extends SectionName>(section: S): ConfigSections[S] {
    return this.values.get(section) as ConfigSections[S];
  }

  /** Every warning currently standing (for tests and the API). */
  get warnings(): string[] {
    return [...this.reported.values()].flatMap((set) => [...set]);
  }

  private read(section: SectionName): void {
    const settings = vscode.workspace.getConfiguration(SECTION);
    const { values, warnings } = readSection(section, this.schema, (key) => settings.get(key.slice(SECTION.length + 1)), vscode.l10n.t);
    const before = this.reported.get(section);
    for (const warning of warnings.filter((w) => !before?.has(w))) {
      this.log.warn(warning);
      void vscode.window.showWarningMessage(warning);
    }
    this.reported.set(section, new Set(warnings));
    this.values.set(section, values);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
