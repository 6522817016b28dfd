// The web extension host counts problems in its own time slices (workspaceInsights.ts): no worker here. A Web
// Worker would need the core as a second bundle served to it and every file's text posted to it (this host cannot
// read the files itself). The Node host's worker threads: workerCount.ts.
import type { WorkerCount } from './workerCount';

export function startWorkerCount(_file: string): WorkerCount | undefined {
  return undefined;
}
