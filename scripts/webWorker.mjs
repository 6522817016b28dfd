// The esbuild plugin of the web bundles (shared by scripts/build.mjs and its test).
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const nodeBuiltins = new Set(builtinModules);

/**
 * The web extension host is a Web Worker: a Node built-in in that bundle would fail only at run time, in the
 * browser. This plugin makes it a build error naming the importer. It also picks `x.web.ts` over `x.ts` where
 * both exist (a module with a browser counterpart, e.g. src/metadata/http.web.ts), and packages' worker builds. `npmPorts` lets through npm
 * packages named like built-ins (the test bundle's `assert`, `process`, `util`, which are browser ports).
 */
export function webWorkerWith(npmPorts) {
  return {
    name: 'web-worker',
    setup(build) {
      // A Web Worker has no DOM: packages' `worker` builds, not their `browser` ones (decode-named-character-reference's
      // browser build, under remark-parse, calls document.createElement when loaded).
      build.initialOptions.conditions = ['worker', ...(build.initialOptions.conditions ?? [])];
      build.onResolve({ filter: /.*/ }, (args) => {
        const name = args.path.replace(/^node:/, '');
        const isBuiltin = nodeBuiltins.has(name) || nodeBuiltins.has(name.split('/')[0]);
        if (args.path.startsWith('node:') || (isBuiltin && !npmPorts.includes(name.split('/')[0]))) {
          return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}: not allowed in the web bundle` }] };
        }
        if (!args.path.startsWith('.') || !args.importer.includes(`${path.sep}src${path.sep}`)) return undefined;
        const web = path.resolve(args.resolveDir, `${args.path}.web.ts`);
        // The counterpart itself may import its Node sibling's shared parts (types, errors).
        return existsSync(web) && web !== args.importer ? { path: web } : undefined;
      });
    },
  };
}

/** The extension's web bundle: no built-in at all. */
export const webWorker = webWorkerWith([]);
