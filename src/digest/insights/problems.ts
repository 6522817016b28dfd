// One digest's problems per day, as `daily-papers lint` reports them for it: its own rules and `duplicate-paper`
// against the papers' earliest places elsewhere. The one count the extension host and the counting worker share.
import type { DigestDocument } from '../types';
import { duplicatePaperProblems, validate, type PaperPlace, type ValidationConfig } from '../validate';
import { problemsPerDay, type SeverityCounts } from './facts';

export function fileProblemCounts(doc: DigestDocument, path: string, config: ValidationConfig, earliestOf: (id: string) => PaperPlace | undefined): SeverityCounts[] {
  return problemsPerDay(doc, [...validate(doc, { path, config }), ...duplicatePaperProblems(doc, earliestOf, config)]);
}
