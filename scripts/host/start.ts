// Serves the packaged extension in code-server on a folder of digests (default samples/) until Ctrl-C: a manual try-out
// in any local browser. Usage (after npm run package): tsx scripts/host/start.ts [FOLDER | --folder FOLDER] [--port N] [--web]
// `npm start DIR` and `npm start -- --folder DIR` both arrive here; a relative DIR is taken from where npm was run.
// (npm start -- --web: the extension as a web extension, in the browser's extension host)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerCli, exit, flag, log, makeTempRoot, requireHost, ROOT, startCodeServer, workbenchUrl } from './host';
import { extensionId } from './suite';

async function main(): Promise<void> {
  requireHost();
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
  if (!fs.existsSync(vsix)) return void exit(2, `no ${path.basename(vsix)}: run npm run package first`);
  // The folder itself, not a copy: edits and saves made in the browser are meant to stay.
  const args = process.argv.slice(2);
  const positional = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const asked = flag('folder', positional ?? '');
  const folder = asked ? path.resolve(process.env.INIT_CWD ?? process.cwd(), asked) : path.join(ROOT, 'samples');
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return void exit(2, `no folder ${folder} to open`);
  const { root, env } = makeTempRoot();
  const web = process.argv.includes('--web');
  // On the web the extension is loaded from the repository (the files the .vsix packs, just built) as a development
  // extension in the browser's Web Worker extension host: code-server installs extensions into its Node host only.
  if (!web) {
    codeServerCli(root, env, ['--install-extension', vsix, '--force']);
    log(`installed ${path.basename(vsix)}`);
  }
  const port = process.argv.includes('--port') ? Number(flag('port', '0')) : undefined;
  const cs = await startCodeServer(root, env, {}, port, { webExtension: web ? extensionId(ROOT) : undefined });
  console.log(`\n  Daily Papers Digest on ${folder}:\n  ${workbenchUrl(cs, folder, web ? { extension: ROOT, web } : undefined)}\n`);
  log('open that address in a browser and any .md digest in the folder; Ctrl-C stops code-server');
  if (web) log('the extension runs in the Web Worker extension host, as in github.dev (Developer: Show Running Extensions says so)');
  await exit(1, await cs.exited);
}

main().catch((error: unknown) => exit(1, `start failed: ${error instanceof Error ? error.message : String(error)}`));
