import * as assert from 'node:assert/strict';
import { detectStyle, findDuplicatePapers, fixAll, mergeConfigs, parseConfig, parseDigest, validate } from '../../src/digest';
import { fixture } from './helpers';

const ids = (text: string, options = {}) => validate(parseDigest(text), options).map((p) => p.ruleId);

describe('validate: legitimate variation is never an error', () => {
  for (const name of ['era-a.md', 'era-b.md', 'era-de.md', 'readme-embedded.md']) {
    it(`${name} has no error besides its planted defects`, () => {
      const errors = validate(parseDigest(fixture(name))).filter((p) => p.severity === 'error');
      const planted = name === 'era-b.md' ? ['broken-video-link'] : [];
      assert.deepEqual(errors.map((p) => p.ruleId), planted);
    });
  }

  it('judges labels by the document majority: bold labels in a bold document are fine', () => {
    const text = fixture('era-c.md');
    const style = detectStyle(parseDigest(text));
    assert.equal(style.labelStyle, 'bold');
    assert.ok(!ids(text).includes('label-style'));
  });

  it('a labelStyle setting overrides the majority', () => {
    const text = fixture('era-de.md').replace(/\*\*\*/g, '**');
    assert.ok(!ids(text).includes('label-style'));
    assert.ok(ids(text, { config: { labelStyle: 'bold-italic' } }).includes('label-style'));
  });
});

describe('validate: configuration and suppression', () => {
  const bad = '## Daily Papers (2025-01-01)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\nVote: lots\n\n- 요약입니다.\n';

  it('per-rule severity and off', () => {
    assert.equal(validate(parseDigest(bad))[0].severity, 'error');
    assert.equal(validate(parseDigest(bad), { config: { rules: { 'invalid-vote': 'hint' } } })[0].severity, 'hint');
    assert.deepEqual(ids(bad, { config: { rules: { 'invalid-vote': 'off' } } }), []);
  });

  it('later configs win rule by rule', () => {
    const merged = mergeConfigs({ rules: { a: 'off', b: 'hint' }, labelStyle: 'bold' }, { rules: { a: 'error' } });
    assert.deepEqual(merged, { rules: { a: 'error', b: 'hint' }, labelStyle: 'bold' });
  });

  it('reads config files and reports what it ignores', () => {
    assert.deepEqual(parseConfig('{"rules":{"invalid-vote":"warning"},"labelStyle":"bold"}'), { config: { rules: { 'invalid-vote': 'warning' }, labelStyle: 'bold' }, errors: [] });
    const { errors } = parseConfig('{"rules":{"no-such-rule":"error","invalid-vote":"loud"},"labelStyle":3}');
    assert.equal(errors.length, 3);
    assert.match(parseConfig('{').errors[0], /not valid JSON/);
  });

  it('disable-next-line, disable-line, and disable/enable blocks, with and without rule ids', () => {
    const withComment = (comment: string) => bad.replace('Vote: lots', comment);
    assert.deepEqual(ids(withComment('<!-- daily-papers-disable-next-line invalid-vote -->\nVote: lots')), []);
    assert.deepEqual(ids(withComment('<!-- daily-papers-disable-next-line -->\nVote: lots')), []);
    assert.deepEqual(ids(withComment('<!-- daily-papers-disable-next-line empty-day -->\nVote: lots')), ['invalid-vote']);
    assert.deepEqual(ids(withComment('Vote: lots <!-- daily-papers-disable-line invalid-vote -->')), []);
    assert.deepEqual(ids(withComment('<!-- daily-papers-disable invalid-vote -->\n\nVote: lots\n\n<!-- daily-papers-enable invalid-vote -->')), []);
    const reenabled = bad.replace('### [T]', '<!-- daily-papers-disable -->\n<!-- daily-papers-enable -->\n### [T]');
    assert.deepEqual(ids(reenabled), ['invalid-vote']);
  });
});

describe('validate: fixes and duplicates', () => {
  it('fixAll repairs everything fixable and keeps the rest of the text', () => {
    const text = '## Daily Papers (2025-01-29)\n\n### [T](https://arxiv.org/abs/2501.00001)\n\n[Watch Video]https://example.org/v.mp4\n\nVote: 3  \n\n- ***What’s New***: 새 \benchmark를 제안합니다.\n- ***Technical Details*: 설명입니다.\n';
    const { text: fixed, fixed: count } = fixAll(text);
    assert.ok(count >= 5);
    assert.deepEqual(validate(parseDigest(fixed)).filter((p) => p.fix), []);
    assert.ok(fixed.includes('[Watch Video](https://example.org/v.mp4)'));
    assert.ok(fixed.includes("- ***What's New***: 새 \\benchmark를 제안합니다."));
    assert.ok(fixed.includes('- ***Technical Details***: 설명입니다.'));
    assert.ok(fixed.includes('Vote: 3\n'));
  });

  it('finds the same paper in two digests, naming the other place', () => {
    const a = parseDigest('## Daily Papers (2025-01-01)\n### [A](https://arxiv.org/abs/2501.00001)\n- 요약\n');
    const b = parseDigest('## Daily Papers (2025-01-02)\n### [A again](https://arxiv.org/abs/2501.00001v2)\n- 요약\n### [B](https://arxiv.org/abs/2501.00002)\n- 요약\n');
    const found = findDuplicatePapers([{ name: 'a.md', doc: a }, { name: 'b.md', doc: b }]);
    assert.equal(found.get('a.md')?.length, 1);
    assert.match(found.get('a.md')![0].message, /also in b\.md:2/);
    assert.match(found.get('b.md')![0].message, /also in a\.md:2/);
    assert.equal(findDuplicatePapers([{ name: 'a.md', doc: a }], { rules: { 'duplicate-paper': 'off' } }).size, 0);
  });
});
