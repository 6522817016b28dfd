import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, GENERATED_FILES } from '../../scripts/generated';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('generated files (npm run generate)', () => {
  for (const file of GENERATED_FILES) {
    it(`${file} is what the rules' metadata says (else run npm run generate)`, () => {
      const text = read(file);
      assert.equal(generate(file, text), text);
    });
  }

  it('restores rule translations that are missing, in place', () => {
    const text = read('package.nls.ko.json');
    const stripped = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text)).filter(([k]) => !k.startsWith('rule.'))), null, 2);
    assert.equal(generate('package.nls.ko.json', stripped), text);
  });

  it("restores the docs table and each section's stated defaults", () => {
    const text = read('docs/rules.md');
    const stale = text.replace(/^\| \[`nbsp`\].*\n/m, '').replace('Default severity: **hint**. Fixable: **yes**.', 'Default severity: **error**. Fixable: **no**.');
    assert.notEqual(stale, text);
    assert.equal(generate('docs/rules.md', stale), text);
  });
});
