import * as assert from 'node:assert/strict';
import { applyChanges, detectStyle, findDuplicatePapers, fixAll, mergeConfigs, parseConfig, parseDigest, updateDigest, validate } from '../../src/digest';
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

  it('directives kept with their entry follow it when an edit above moves it, and stop when an edit removes them', () => {
    const second = '### [U](https://arxiv.org/abs/2501.00002)\n\n<!-- daily-papers-disable-next-line invalid-vote -->\nVote: many\n';
    const text = `${bad}\n${second}`;
    let doc = parseDigest(text);
    assert.deepEqual(validate(doc).map((p) => p.range.start.line), [4]);
    // Two lines added above: the second entry (and its directive) moves without being parsed again.
    const insert = [{ rangeOffset: 0, rangeLength: 0, text: '# Notes\n\n' }];
    doc = updateDigest(doc, applyChanges(doc.text, insert), insert);
    assert.deepEqual(validate(doc).map((p) => `${p.ruleId}@${p.range.start.line}`), ['invalid-vote@6']);
    const at = doc.text.indexOf('<!-- daily-papers');
    const remove = [{ rangeOffset: at, rangeLength: '<!-- daily-papers-disable-next-line invalid-vote -->\n'.length, text: '' }];
    doc = updateDigest(doc, applyChanges(doc.text, remove), remove);
    assert.deepEqual(validate(doc).map((p) => `${p.ruleId}@${p.range.start.line}`), ['invalid-vote@6', 'invalid-vote@12']);
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

  it('reports a paper repeated under a later date in another digest, at the later date, naming the earliest', () => {
    const a = parseDigest('## Daily Papers (2025-01-01)\n### [A](https://arxiv.org/abs/2501.00001)\n- 요약\n');
    const b = parseDigest('## Daily Papers (2025-01-02)\n### [A again](https://arxiv.org/abs/2501.00001v2)\n- 요약\n### [B](https://arxiv.org/abs/2501.00002)\n- 요약\n');
    // Given later file first: the earliest date decides, not the order of the files.
    const found = findDuplicatePapers([{ name: 'b.md', doc: b }, { name: 'a.md', doc: a }]);
    assert.equal(found.get('a.md'), undefined);
    assert.equal(found.get('b.md')?.length, 1);
    assert.equal(found.get('b.md')![0].message, 'Unexpected repeat of paper 2501.00001, already summarised on 2025-01-01 in a.md:2, expected each paper on one day');
    assert.equal(found.get('b.md')![0].range.start.line, 1);
    assert.equal(findDuplicatePapers([{ name: 'a.md', doc: a }, { name: 'b.md', doc: b }], { rules: { 'duplicate-paper': 'off' } }).size, 0);
  });

  it('does not report a mirror: the same paper under the same date in two files (README and paper_logs)', () => {
    const day = '## Daily Papers (2025-01-01)\n\n### [A](https://arxiv.org/abs/2501.00001)\n\n- 요약\n\n### [B](https://arxiv.org/abs/2501.00002)\n\n- 요약\n\n';
    const readme = parseDigest(`# Daily Papers\n\n## Project Description\n\n설명\n\n${day}## License\n\nMIT\n`);
    const found = findDuplicatePapers([{ name: 'README.md', doc: readme }, { name: 'paper_logs/2025/01/01.md', doc: parseDigest(day) }, { name: 'copy.md', doc: parseDigest(day) }]);
    assert.equal(found.size, 0);
  });

  it('within one file: the same paper twice in one day, and a repeat under a later day naming the earlier', () => {
    const doc = parseDigest(
      '## Daily Papers (2025-01-02)\n### [A](https://arxiv.org/abs/2501.00001)\n- 요약\n' +
        '## Daily Papers (2025-01-01)\n### [A](https://arxiv.org/abs/2501.00001)\n- 요약\n### [A](https://arxiv.org/abs/2501.00001)\n- 요약\n',
    );
    const found = validate(doc).filter((p) => p.ruleId === 'duplicate-paper');
    assert.deepEqual(
      found.map((p) => [p.range.start.line, p.message]),
      [
        [1, 'Unexpected repeat of paper 2501.00001, already summarised on 2025-01-01 at line 5, expected each paper on one day'],
        [6, 'Unexpected second entry for arXiv 2501.00001 on 2025-01-01, expected each paper once (first at line 5)'],
      ],
    );
    // Across files the same repeat is left to the per-file rule: one report, not two.
    assert.equal(findDuplicatePapers([{ name: 'x.md', doc }]).size, 0);
  });

  it('finds a repeat made by an edit right after a file with the same papers once each (what it keeps between calls hides nothing)', () => {
    const entry = (id: string) => `### [P](https://arxiv.org/abs/${id})\n- 요약\n`;
    const dups = (text: string) => validate(parseDigest(text)).filter((p) => p.ruleId === 'duplicate-paper').length;
    const once = `## Daily Papers (2025-01-02)\n${entry('2501.00001')}${entry('2501.00002')}`;
    assert.equal(dups(once), 0);
    assert.equal(dups(once.replace('2501.00002', '2501.00001')), 1, 'the second ID now repeats the first');
    assert.equal(dups(once), 0);
    assert.equal(dups(`${once}## Daily Papers (2025-01-03)\n${entry('2501.00002')}`), 1, 'a paper repeated under a later day');
    assert.equal(dups(once.replace('2501.00002', '2501.00001v2')), 1, 'a version of the same paper');
  });

  it('stays linear on 20,000 repeats of one paper: one problem per repeat, each message of bounded length', () => {
    const n = 20_000;
    const days = Array.from({ length: n }, (_, i) => `## Daily Papers (${String(2000 + Math.floor(i / 365)).padStart(4, '0')}-01-01)\n### [A](https://arxiv.org/abs/2501.00001)\n`);
    const files = days.map((text, i) => ({ name: `f${i}.md`, doc: parseDigest(text) }));
    const found = [...findDuplicatePapers(files).values()].flat();
    // Dates repeat per 365 files: those under the first year's date are mirrors of the first file.
    assert.equal(found.length, n - 365);
    assert.ok(found.every((p) => p.message.length < 200 && p.message.includes('2000-01-01 in f0.md:2')));
    const oneFile = validate(parseDigest('## Daily Papers (2025-01-01)\n' + '### [A](https://arxiv.org/abs/2501.00001)\n'.repeat(n)), { config: { rules: {} } }).filter((p) => p.ruleId === 'duplicate-paper');
    assert.equal(oneFile.length, n - 1);
    assert.ok(oneFile.every((p) => p.message.length < 200));
  });
});
