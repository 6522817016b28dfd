import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/digest';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'daily-papers.schema.json'), 'utf8'));

function sources(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

describe('manifest', () => {
  const defaults = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.severity]));

  it('lists every rule with its default severity in the settings and in the config file schema', () => {
    const setting = manifest.contributes.configuration.properties['dailyPapers.validation.rules'].properties;
    for (const props of [setting, schema.properties.rules.properties]) {
      assert.deepEqual(Object.fromEntries(Object.entries(props).map(([id, p]) => [id, (p as { default: string }).default])), defaults);
    }
  });

  it('registers every contributed command, and contributes every registered one', () => {
    const code = sources(join(root, 'src'));
    const registered = [...code.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    for (const id of contributed) assert.ok(registered.includes(id), `${id} is contributed but never registered`);
    for (const id of registered) assert.ok(contributed.includes(id), `${id} is registered but not in package.json`);
  });

  it('gives every setting a markdownDescription, under the dailyPapers section', () => {
    for (const [key, value] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.match(key, /^dailyPapers\./);
      assert.ok((value as { markdownDescription?: string }).markdownDescription, `${key} has no markdownDescription`);
    }
  });
});
