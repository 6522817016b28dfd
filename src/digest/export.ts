// The CLI's stable JSON export shape (lines 1-based), built from the model.
import { withoutStrayEmphasis } from './emphasis';
import type { DigestDocument, DigestEntry } from './types';

export interface ExportedSection {
  label: string | null;
  line: number;
  text: string;
}

export interface ExportedEntry {
  line: number;
  title: string;
  url: string | null;
  arxivId: string | null;
  thumbnail: string | null;
  video: string | null;
  votes: number | null;
  authors: string[];
  sections: ExportedSection[];
}

export interface ExportedFile {
  file: string;
  days: { date: string; line: number; entries: ExportedEntry[] }[];
}

export function toExport(file: string, doc: DigestDocument): ExportedFile {
  return {
    file,
    days: doc.days.map((d) => ({ date: d.date, line: d.headerRange.start.line + 1, entries: d.entries.map(exportEntry) })),
  };
}

function exportEntry(e: DigestEntry): ExportedEntry {
  return {
    line: e.headingRange.start.line + 1,
    title: e.title,
    url: e.url,
    arxivId: e.arxivId,
    thumbnail: e.media.find((m) => m.kind === 'image')?.url ?? null,
    video: e.media.find((m) => m.kind === 'video')?.url ?? null,
    votes: e.vote?.value ?? null,
    authors: [...(e.authors?.names ?? [])],
    sections: e.sections.map((s) => ({ label: s.label, line: s.range.start.line + 1, text: withoutStrayEmphasis(s.text) })),
  };
}
