import * as assert from 'node:assert/strict';
import { parseDigest, fixAll, toExport, validate, type Problem } from '../../src/digest';
import { strayEmphasis } from '../../src/digest/emphasis';
import { fixture } from './helpers';

const BROKEN_LABEL = "- ***Technical Details*: 토큰 단위 보상을 설명합니다.**: 3.2";
const day = (bullets: string) =>
  `## Daily Papers (2025-01-29)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\n![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.00001.png)\n\nVote: 3\n\nAuthors: A B\n\n- ***What's New***: 새 방법입니다.\n${bullets}\n- ***Performance Highlights***: 성능이 좋습니다.\n\n`;

/** Stars outside labels that render literally. */
const strayLeft = (text: string) => parseDigest(text).entries.flatMap((e) => e.sections.flatMap((s) => strayEmphasis(s.text)));

describe('fixes leave clean text', () => {
  it('the malformed-label fix also consumes the broken label\'s leftover closing markup', () => {
    const text = day(BROKEN_LABEL);
    const rules = validate(parseDigest(text)).map((p) => p.ruleId);
    assert.deepEqual(rules, ['malformed-label', 'stray-emphasis']);
    const { text: fixed } = fixAll(text);
    assert.ok(fixed.includes('- ***Technical Details***: 토큰 단위 보상을 설명합니다.: 3.2\n'), fixed);
    assert.deepEqual(validate(parseDigest(fixed)), []);
    // The quick fix alone does it too.
    const malformed = validate(parseDigest(text)).find((p) => p.ruleId === 'malformed-label')!;
    assert.equal(malformed.fix!.edits.length, 2);
  });

  it('stray-emphasis: an unpaired ** is reported and removed; emphasis that pairs up, code and escapes are not', () => {
    const find = (bullet: string) => validate(parseDigest(day(bullet))).filter((p) => p.ruleId === 'stray-emphasis');
    assert.equal(find('- ***Technical Details***: 결과는 좋습니다**.').length, 1);
    assert.equal(find('- ***Technical Details***: **굵게(괄호)**를 씁니다, `a**b`, \\*\\* 그리고 **정상**.').length, 0);
    const { text } = fixAll(day('- ***Technical Details***: 결과는 좋습니다***.'));
    assert.ok(text.includes('- ***Technical Details***: 결과는 좋습니다.\n'), text);
  });

  it('the export reads the section text without the leftover markup', () => {
    const section = toExport('x.md', parseDigest(day(BROKEN_LABEL))).days[0].entries[0].sections[1];
    assert.equal(section.text, '토큰 단위 보상을 설명합니다.: 3.2');
  });

  // Defects a fix exists for, injected into every fixture: after fix-all, none of the fixed rules is left, no new
  // kind of problem appears, and no stray markup remains.
  const defects: [string, (t: string) => string][] = [
    ['broken label with leftover', (t) => t.replace(/^- \*\*\*(Technical Details)\*\*\*: (.*)$/m, '- ***$1*: $2**: 3.2')],
    ['bold broken label', (t) => t.replace(/^- \*\*(What's New)\*\*: (.*)$/m, '- **$1*: $2*')],
    ['stray stars', (t) => t.replace(/^(- \*\*\*What's New\*\*\*: .*)$/m, '$1**')],
    ['blank lines and ending', (t) => t.replace(/\n\nVote:/, '\n\n\n\nVote:').replace(/\n+$/, '')],
    ['Hugging Face link', (t) => t.replace('(https://arxiv.org/abs/', '(https://huggingface.co/papers/')],
    ['trailing spaces and typographic apostrophe', (t) => t.replace(/^(Vote: \d+)$/m, '$1   ').replace("What's New***", 'What’s New***')],
  ];
  const key = (p: Problem) => p.ruleId;
  for (const name of ['era-a.md', 'era-b.md', 'era-c.md', 'era-de.md', 'readme-embedded.md']) {
    for (const [defect, inject] of defects) {
      it(`fix-all over ${name} with ${defect}`, () => {
        const text = inject(fixture(name));
        const before = validate(parseDigest(text));
        const { text: fixed } = fixAll(text);
        const after = validate(parseDigest(fixed));
        const fixedRules = new Set(before.filter((p) => p.fix).map(key));
        assert.deepEqual(after.filter((p) => fixedRules.has(p.ruleId)).map((p) => `${p.ruleId}: ${p.message}`), [], 'a fixed rule still reports');
        const beforeRules = new Set(before.map(key));
        assert.deepEqual(after.filter((p) => !beforeRules.has(p.ruleId)).map((p) => `${p.ruleId}: ${p.message}`), [], 'a new problem appeared');
        assert.deepEqual(strayLeft(fixed), [], 'stray emphasis markers remain');
      });
    }
  }
});
