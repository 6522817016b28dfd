export function recordCounts(suite: string, passed: number, failed: number): void;
export function sumCounts(dir: string): { passed: number; failed: number; suites: string[] };
