// A CPU profile of this extension host (ours and VS Code's API code run in it), for the insights bench's index build.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface ProfileSummary {
  readonly file: string;
  readonly ms: number;
  /** The functions with the most self time. */
  readonly top: readonly { readonly fn: string; readonly ms: number }[];
}

/** Profiles until stop(), which writes the profile to `file` and returns the 25 functions with the most self time. */
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
      for (const node of profile.nodes) {
        const { functionName, url, lineNumber } = node.callFrame;
        const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(extensions|out|dist)\//, '$1/')}:${lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * perSample);
      }
      return { file, ms: (profile.endTime - profile.startTime) / 1000, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([fn, ms]) => ({ fn, ms: Math.round(ms) })) };
    },
  };
}
