// What features derive from one parsed document — outline, entry ids, entry at a line, style, index records —
// computed on first use and kept with the document, so one document version builds each at most once.
import { buildOutline, nodeAtLine, outlineEntryAtLine, type Outline, type OutlineEntry, type OutlineNode } from './outline';
import { papersOf, type IndexedPaper } from './paperIndex';
import { detectStyle, type DocumentStyle } from './style';
import type { DigestDocument } from './types';

/** How often each derived value was built: tests assert "once per version", benchmarks report it. */
export interface ModelStats {
  models: number;
  outlines: number;
  styles: number;
  papers: number;
}

export class DigestModel {
  private outlineValue: Outline | undefined;
  private styleValue: DocumentStyle | undefined;
  private papersValue: { file: string; papers: readonly IndexedPaper[] } | undefined;

  constructor(
    readonly doc: DigestDocument,
    private readonly stats: ModelStats,
  ) {}

  /** Days → entries → sections with stable ids, in file order. */
  get outline(): Outline {
    if (!this.outlineValue) {
      this.stats.outlines++;
      this.outlineValue = buildOutline(this.doc);
    }
    return this.outlineValue;
  }

  /** The document's majority label style and language (label style as detected, not as configured). */
  get style(): DocumentStyle {
    if (!this.styleValue) {
      this.stats.styles++;
      this.styleValue = detectStyle(this.doc);
    }
    return this.styleValue;
  }

  /** The outline entry whose source holds `line`. */
  entryAt(line: number): OutlineEntry | undefined {
    return outlineEntryAtLine(this.doc, this.outline, line);
  }

  /** The deepest outline node (section, entry or day) whose source holds `line`. */
  nodeAt(line: number): OutlineNode | undefined {
    return nodeAtLine(this.doc, this.outline, line);
  }

  /** The papers this document adds to a workspace index under the key `file`. */
  papers(file: string): readonly IndexedPaper[] {
    if (this.papersValue?.file !== file) {
      this.stats.papers++;
      this.papersValue = { file, papers: papersOf(file, this.doc) };
    }
    return this.papersValue.papers;
  }
}

/** One model per parsed document object; the parse cache hands out one object per version. */
export class ModelCache {
  private readonly models = new WeakMap<DigestDocument, DigestModel>();
  readonly stats: ModelStats = { models: 0, outlines: 0, styles: 0, papers: 0 };

  get(doc: DigestDocument): DigestModel {
    let model = this.models.get(doc);
    if (!model) {
      this.stats.models++;
      this.models.set(doc, (model = new DigestModel(doc, this.stats)));
    }
    return model;
  }
}
