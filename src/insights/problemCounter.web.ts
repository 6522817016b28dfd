// The web extension host counts problems in its own time slices (workspaceInsights.ts): no worker here. A Web
// Worker would need the core as a second bundle served to it and every file's text posted to it (this host cannot
// read the files itself); the Node host's worker: problemCounter.ts.
import type { ProblemCounter } from './problemCounter';

export function startProblemCounter(_file: string): ProblemCounter | undefined {
  return undefined;
}
