import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, parseDigest, RULES, validate, type ValidationConfig } from '../../src/digest';
import { ANY_UNUSUAL, BIDI_CONTROL, CONTROL_CHARACTER, NBSP_RUN } from '../../src/digest/validate/unusualCharacters';

interface Example {
  readonly rule: string;
  readonly bad: string;
  readonly good: string;
  readonly path?: string;
}

/** Reads docs/rules.md: each `## rule-id` section has a Bad and a Good fenced example. */
function examples(): Example[] {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
  const sections = doc.split(/^## (?=[a-z-]+$)/m).slice(1);
  return sections.map((section) => {
    const rule = section.slice(0, section.indexOf('\n'));
    const blocks = [...section.matchAll(/^````markdown(?: path=(\S+))?\n([\s\S]*?)\n````$/gm)];
    assert.equal(blocks.length, 2, `${rule}: expected a Bad and a Good example`);
    return { rule, bad: blocks[0][2] + '\n', good: blocks[1][2] + '\n', path: blocks[0][1] };
  });
}

const all = examples();
/** Every rule on, so that rules that are off by default are tested too. */
const everything: ValidationConfig = { rules: Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.severity === 'off' ? 'information' : r.meta.severity])) };

describe('rules: the documented examples', () => {
  it('documents every rule, once', () => {
    assert.deepEqual(all.map((e) => e.rule).sort(), RULES.map((r) => r.meta.id).sort());
  });

  for (const { rule, bad, good, path } of all) {
    const meta = RULES.find((r) => r.meta.id === rule)!.meta;
    describe(rule, () => {
      const problems = validate(parseDigest(bad), { path, config: everything }).filter((p) => p.ruleId === rule);

      it('reports the bad example, with a message saying what was expected', () => {
        assert.ok(problems.length > 0, `${rule} not reported on its bad example`);
        for (const p of problems) assert.match(p.message, /^Unexpected .+, expected .+/);
      });

      it('reports nothing at all on the good example', () => {
        const found = validate(parseDigest(good), { path, config: everything });
        assert.deepEqual(found.map((p) => `${p.ruleId}: ${p.message}`), []);
      });

      if (meta.fixable) {
        it('fixes the bad example so the problem is gone and no error appears', () => {
          for (const p of problems) assert.ok(p.fix, `${rule} is fixable but a problem has no fix`);
          const fixed = applyEdits(bad, problems.flatMap((p) => p.fix!.edits).filter((e, i, a) => a.findIndex((x) => x === e) === i));
          assert.ok(fixed !== null, 'fix edits overlap');
          const after = validate(parseDigest(fixed), { path, config: everything });
          assert.deepEqual(after.filter((p) => p.ruleId === rule || p.severity === 'error').map((p) => p.message), []);
        });
      } else {
        it('offers no fix', () => assert.ok(problems.every((p) => !p.fix)));
      }
    });
  }
});

describe('unusual characters: one scan for three rules', () => {
  it('looks for exactly the characters control-character, bidi-control and nbsp look for', () => {
    const differ: string[] = [];
    const classes = [CONTROL_CHARACTER, BIDI_CONTROL, NBSP_RUN].map((pattern) => new RegExp(pattern.source));
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const any = classes.some((pattern) => pattern.test(c));
      if (ANY_UNUSUAL.test(c) !== any) differ.push(code.toString(16));
    }
    assert.deepEqual(differ, []);
  });

  it('finds each in a part after a clean part of the same document was asked about', () => {
    const text = `## Daily Papers (2025-01-29)\n\n### [A](https://arxiv.org/abs/2501.00001)\n\nAuthors: Kim\n\n### [B](https://arxiv.org/abs/2501.00002)\n\nAuthors: Lee\u00a0Min\u202e \x08x\n`;
    const rules = validate(parseDigest(text)).map((p) => `${p.ruleId}:${p.range.start.line}`);
    for (const expected of ['nbsp:8', 'bidi-control:8', 'control-character:8']) assert.ok(rules.includes(expected), `${expected} in ${rules.join(', ')}`);
    assert.ok(!rules.some((r) => r.endsWith(':4') && /nbsp|bidi|control/.test(r)), rules.join(', '));
  });
});
