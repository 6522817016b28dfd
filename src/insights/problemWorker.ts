// The problem-counting worker thread (its own bundle, dist/problemWorker.js; started by problemCounter.ts): reads
// each requested digest, parses and validates it with the core, and answers with its problems per day. Batches are
// answered in order, one at a time.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { parseDigest } from '../digest';
import { fileProblemCounts } from '../digest/insights';
import type { CountReply, CountRequest, CountRequestFile, FileCount } from './problemCounter';

async function countFile({ key, path, config, earliest }: CountRequestFile, bytes: Promise<Uint8Array>): Promise<FileCount> {
  try {
    const doc = parseDigest(new TextDecoder().decode(await bytes));
    const places = new Map(earliest);
    return { key, dates: doc.days.map((d) => d.date), counts: fileProblemCounts(doc, path, config, (id) => places.get(id)) };
  } catch (e) {
    return { key, error: String(e) };
  }
}

async function countBatch({ batch, files }: CountRequest): Promise<CountReply> {
  // Every read of the batch in flight at once; parsed and validated one after another.
  const reads = files.map((f) => readFile(f.fsPath));
  reads.forEach((r) => r.catch(() => undefined)); // each is awaited (and its error reported) in turn below
  const counts: FileCount[] = [];
  for (const [i, file] of files.entries()) counts.push(await countFile(file, reads[i]));
  return { batch, counts };
}

const port = parentPort;
if (!port) throw new Error('problemWorker.js runs as a worker thread');
let queue = Promise.resolve();
port.on('message', (request: CountRequest) => {
  queue = queue.then(async () => port.postMessage(await countBatch(request)));
});
