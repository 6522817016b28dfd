// Insights across all digests: per-file facts, incremental per-day summaries, range aggregates and their tables.
export { DAY_LABEL_STYLES, dayEra, dayLabelStyle, ERAS, fileFacts, problemsPerDay, sameDates, withProblems, type DayFacts, type DayLabelStyle, type Era, type FileFacts, type SeverityCounts } from './facts';
export { fileProblemCounts } from './problems';
export { DaySummaries, type DaySummary } from './days';
export { computeInsights, type AuthorRow, type DayRow, type Insights, type InsightsOptions, type PaperPlace, type Repeat, type TopPaper } from './aggregate';
export { firstInOrder, niceBinWidth, RangeInsights, type RangeOutputOptions } from './range';
export { insightsTable, tableToCsv, tableToMarkdown, TABLE_NAMES, type Table, type TableName } from './tables';
