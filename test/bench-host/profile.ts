// An optional CPU profile of the extension host (BENCH_PROFILE=DIR) for the host benchmark's runs.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Whose code a profiled script is: a built-in extension by its folder, this extension, VS Code, Node, or V8 itself. */
function ownerOf(url: string): string {
  const builtin = /\/extensions\/([^/]+)\//.exec(url)?.[1];
  if (builtin) return builtin;
  if (url.endsWith('/dist/extension.js')) return 'daily-papers';
  if (url.includes('/out/vs/')) return 'vscode';
  if (url.startsWith('node:')) return 'node';
  return url === '' ? '(v8: idle, gc, program)' : url;
}

export interface ProfileSummary {
  readonly file: string;
  readonly ms: number;
  /** The functions with the most self time. */
  readonly top: readonly { readonly fn: string; readonly ms: number }[];
  /** Self time per script's owner (an extension, VS Code, Node). */
  readonly owners: readonly { readonly fn: string; readonly ms: number }[];
}

/** Profiles this extension host (ours and VS Code's API code run in it) until stop(), which writes the profile to `file`
 *  and returns the 25 functions with the most self time, and the self time per script's owner (an extension, VS Code, Node). */
export async function startProfile(): Promise<{ stop(file: string): Promise<ProfileSummary> }> {
  const inspector = await import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)))); // eslint-disable-line @typescript-eslint/no-explicit-any
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 250 });
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] } };
      session.disconnect();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      const perSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
      const self = new Map<string, number>();
      const owners = new Map<string, number>();
      for (const node of profile.nodes) {
        const { functionName, url, lineNumber } = node.callFrame;
        const ms = (node.hitCount ?? 0) * perSample;
        const key = `${functionName || '(anonymous)'} ${ownerOf(url)}:${url.split('/').pop()}:${lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + ms);
        owners.set(ownerOf(url), (owners.get(ownerOf(url)) ?? 0) + ms);
      }
      const sorted = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
      return { file, ms: (profile.endTime - profile.startTime) / 1000, top: sorted(self, 25), owners: sorted(owners, 8) };
    },
  };
}
