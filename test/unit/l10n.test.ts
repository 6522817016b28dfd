import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

function sources(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

/** Every string literal passed to `vscode.l10n.t(...)` or to the `t(...)` a pure module receives in its place. */
function codeStrings(): Set<string> {
  const found = [...sources(join(root, 'src')).matchAll(/(?:\bt|l10n\.t)\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'").replace(/\\"/g, '"'));
  return new Set(found);
}

/**
 * Every diagnostic message template: the msg`…` tagged templates of the rules, each `${…}` as `{0}`, `{1}`, …
 * (what the VS Code adapter hands to `vscode.l10n.t`).
 */
function diagnosticTemplates(): Set<string> {
  const found = [...sources(join(root, 'src', 'digest', 'validate')).matchAll(/\bmsg`((?:[^`\\]|\\.)*)`/g)].map((m) => {
    let i = 0;
    return m[1].replace(/\$\{[^}]*\}/g, () => `{${i++}}`).replace(/\\(.)/g, '$1');
  });
  return new Set(found);
}

const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();

describe('localisation (Korean)', () => {
  const bundle: Record<string, string> = read('l10n/bundle.l10n.ko.json');

  it('translates every user-facing string of the code and every diagnostic message template, with the same placeholders', () => {
    const templates = diagnosticTemplates();
    assert.ok(templates.size > 30, `diagnostic templates found: ${templates.size}`);
    const strings = new Set([...codeStrings(), ...templates]);
    assert.ok(strings.size > 50);
    for (const s of strings) {
      assert.ok(s in bundle, `no Korean translation for: ${s}`);
      assert.deepEqual(placeholders(bundle[s]), placeholders(s), `placeholders differ for: ${s}`);
    }
    for (const key of Object.keys(bundle)) assert.ok(strings.has(key), `translation of a string the code no longer uses: ${key}`);
  });

  it('translates every %key% of the manifest, in English and Korean', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
    assert.ok(keys.size > 30, 'manifest strings are %keys%');
    for (const file of ['package.nls.json', 'package.nls.ko.json']) {
      const nls: Record<string, string> = read(file);
      for (const key of keys) assert.ok(typeof nls[key] === 'string' && nls[key] !== '', `${file} has no ${key}`);
      for (const key of Object.keys(nls)) assert.ok(keys.has(key), `${file}: ${key} is not used by package.json`);
    }
    assert.equal(read('package.json').l10n, './l10n');
  });
});
