// Property-based tests (issue: hardening): generated digests and random mutations of real ones.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { digestFixtures, fixture } from './helpers';
import { applyChanges, applyEdits, formatDigest, parseDigest, updateDigest, validate, type DigestDocument, type Range, type TextChange } from '../../src/digest';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);
const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
fc.configureGlobal({ seed: SEED, numRuns: RUNS });
console.log(`properties: seed ${SEED}, ${RUNS} cases per property (replay with PROPERTY_SEED=${SEED})`);

// ---- generators ------------------------------------------------------------------------------------------

const id = fc.tuple(fc.integer({ min: 2301, max: 2512 }), fc.integer({ min: 0, max: 99999 })).map(([m, n]) => `${m}.${String(n).padStart(5, '0')}`);
const words = fc.array(fc.constantFrom('모델', '학습', 'LLM', '`<think>`', '<EOS>', '$\\times$', 'https://x.org/a에서', '**굵게**', 'GPT-[n]', '\u00a0', '\t', '\b', 'x'), { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
const label = fc.constantFrom("***What's New***:", '***Technical Details***:', '**Performance Highlights**:', '***Technical Details*:', "**What’s New**:", '');
const bullet = fc.tuple(label, words, fc.constantFrom('', '\n  - 하위', '\n계속되는 줄', '\n')).map(([l, w, tail]) => `- ${l} ${w}${tail}`);
const field = fc.oneof(
  id.map((i) => `![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${i}.png)`),
  fc.constant('![](/avatars/a.svg)'),
  fc.constant('[Watch Video](https://x.org/v.mp4)\n<div><video controls src="https://x.org/v.mp4" muted="false"></video></div>'),
  fc.constant('[Watch Video]https://x.org/v.mp4'),
  fc.constant("<video src='https://x.org/v.mp4'></video>"),
  fc.constantFrom('Vote: 3', 'Vote: 0', 'Vote: -', 'Vote: x', 'Vote:'),
  fc.constantFrom('Authors: A, B', "Authors: ['A', 'B']", 'Authors:', 'Authors: A, A'),
);
const entry = fc
  .tuple(id, words, fc.array(field, { maxLength: 4 }), fc.array(bullet, { maxLength: 4 }), fc.constantFrom('\n', '\n\n'))
  .map(([i, title, fields, bullets, gap]) => [`### [${title || 'T'}](https://arxiv.org/abs/${i})`, ...fields, ...bullets].join(gap));
const noise = fc.oneof(fc.constantFrom('```', '~~~', '<!--', '-->', '## License', '# Title', '### plain heading', '<!-- daily-papers-disable-next-line -->', '', '    ### indented'), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
const date = fc.constantFrom('2025-01-29', '2024-02-29', '2025-02-30', '2023-11-20', 'x');
const digest = fc
  .array(fc.oneof({ weight: 1, arbitrary: date.map((d) => `## Daily Papers (${d})`) }, { weight: 4, arbitrary: entry }, { weight: 1, arbitrary: noise }), { maxLength: 8 })
  .chain((parts) => fc.constantFrom('\n', '\r\n').map((eol) => parts.join('\n\n').replace(/\n/g, eol)))
  .map((t) => t);

// The project's digest fixtures (every era, CRLF, README-embedded, multi-day); `npm run conformance -- <dir>` edits a
// real corpus the same way.
const corpus = digestFixtures().map(fixture);
/** A window of a real-shaped digest: its first few entries (small enough for 10,000 cases). */
const realExcerpt = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })).map(([pick, n]) => {
  const text = corpus[pick % corpus.length];
  const doc = parseDigest(text);
  const end = doc.entries[Math.min(n, doc.entries.length) - 1]?.range.end.offset ?? text.length;
  return text.slice(0, end) + '\n';
});

const SNIPPETS = ['x', '\n', '\r\n', '#', '### ', '## Daily Papers (2025-01-02)\n', '```\n', '<!--', '-->', '- ', "- ***What's New***: ", 'Vote: 3\n', '한글', '\b', '\u00a0', '[', ']', '*', ''];
/** A text and a sequence of single-change edits applied one after another. */
const edited = (base: fc.Arbitrary<string>) =>
  base.chain((text) =>
    fc.array(fc.nat(), { maxLength: 6 }).map((seeds) => {
      let current = text;
      const steps: { text: string; changes: TextChange[] }[] = [];
      for (const s of seeds) {
        const at = s % (current.length + 1);
        const c: TextChange = { rangeOffset: at, rangeLength: Math.min(s % 7, current.length - at), text: SNIPPETS[s % SNIPPETS.length] };
        current = applyChanges(current, [c]);
        steps.push({ text: current, changes: [c] });
      }
      return { text, steps };
    }),
  );

// ---- checks ----------------------------------------------------------------------------------------------

function assertRangesInside(doc: DigestDocument): void {
  const inside = (r: Range) => 0 <= r.start.offset && r.start.offset <= r.end.offset && r.end.offset <= doc.text.length && r.end.line < doc.lineCount;
  let previous = -1;
  for (const e of doc.entries) {
    assert.ok(e.range.start.offset > previous, 'entries are in source order');
    previous = e.range.start.offset;
    for (const r of [e.range, e.headingRange, e.titleRange, ...e.media.map((m) => m.urlRange), ...e.sections.map((s) => s.range), ...e.fields.map((f) => f.range)]) {
      assert.ok(inside(r), `range ${JSON.stringify(r)} outside the text`);
      assert.ok(r.start.offset >= e.range.start.offset && r.end.offset <= e.range.end.offset, 'element inside its entry');
    }
  }
  for (const d of doc.days) assert.ok(inside(d.range) && inside(d.headerRange));
}

const shape = (d: DigestDocument) => JSON.stringify({ days: d.days, orphans: d.orphanEntries, entries: d.entries, lines: d.lineCount });
const wordsOf = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

// ---- properties ------------------------------------------------------------------------------------------

describe(`properties (${RUNS} cases each, seed ${SEED})`, function () {
  // 10,000 cases take minutes on a busy 2-core machine; the cases, not the clock, are what is tested.
  this.timeout(60 * 60_000);
  const sources: [string, fc.Arbitrary<string>][] = [
    ['generated digests', digest],
    ['any text', fc.string({ unit: 'binary', maxLength: 200 })],
  ];
  before(() => assert.ok(corpus.length > 0, 'no digest fixtures in test/fixtures'));

  for (const [name, source] of sources) {
    it(`parser never throws and every range lies inside the document, ordered: ${name}`, () => {
      fc.assert(fc.property(source, (text) => assertRangesInside(parseDigest(text))));
    });
  }

  it('parser never throws and ranges stay inside: random mutations of the digest fixtures', () => {
    fc.assert(fc.property(edited(realExcerpt), ({ steps, text }) => assertRangesInside(parseDigest(steps.at(-1)?.text ?? text))));
  });

  it('incremental parse (and validation, formatting) after random edits equals a fresh one: generated and real digests', () => {
    fc.assert(
      fc.property(edited(fc.oneof(digest, realExcerpt)), ({ text, steps }) => {
        let doc = parseDigest(text);
        validate(doc);
        for (const step of steps) {
          doc = updateDigest(doc, step.text, step.changes);
          // Validation and formatting reuse what entries the edit did not touch: the same as doing it afresh.
          assert.deepEqual(JSON.stringify(validate(doc)), JSON.stringify(validate(parseDigest(doc.text))));
          assert.equal(formatDigest(doc), formatDigest(parseDigest(doc.text)));
        }
        assert.equal(shape(doc), shape(parseDigest(doc.text)));
      }),
    );
  });

  it('every quick fix, applied, removes its problem and introduces no error', () => {
    fc.assert(
      fc.property(fc.oneof(digest, realExcerpt), (text) => {
        const problems = validate(parseDigest(text));
        const errorsBefore = problems.filter((p) => p.severity === 'error').length;
        for (const p of problems) {
          if (!p.fix) continue;
          const fixed = applyEdits(text, p.fix.edits);
          assert.ok(fixed !== null, `${p.ruleId}: overlapping edits`);
          const after = validate(parseDigest(fixed));
          // Gone means: not at its place any more, or (when an identical neighbour moved into its place, as two
          // adjacent control characters do) one fewer of its kind. A fix may change a document-wide majority, so
          // the same message can appear elsewhere; only one still standing at its own place, uncounted, fails.
          const alike = (list: typeof problems) => list.filter((q) => q.ruleId === p.ruleId && q.message === p.message);
          const inPlace = alike(after).filter((q) => q.range.start.line === p.range.start.line && q.range.start.character === p.range.start.character);
          assert.ok(inPlace.length === 0 || alike(after).length < alike(problems).length, `${p.ruleId} still reported after its fix: ${p.message}`);
          assert.ok(after.filter((q) => q.severity === 'error').length <= errorsBefore, `${p.ruleId}'s fix introduced an error`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the formatter is idempotent and keeps every word: generated and real digests', () => {
    fc.assert(
      fc.property(fc.oneof(digest, realExcerpt), (text) => {
        const once = formatDigest(parseDigest(text));
        assert.equal(formatDigest(parseDigest(once)), once, 'not idempotent');
        assert.deepEqual(wordsOf(once), wordsOf(text), 'words changed');
      }),
    );
  });
});
