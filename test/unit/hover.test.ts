// Hover cards, pure parts: which arXiv reference is at a position, which IDs become links, and the card's Markdown.
import * as assert from 'node:assert/strict';
import { DigestCache, parseDigest, type TextChange } from '../../src/digest';
import { entryAtLine } from '../../src/digest/outline';
import { findArxivReferences, findLinkableIds, linkableIdsOf, referenceAt, type LineInfo } from '../../src/digest/references';
import { buildCard, escapeMarkdown, paperFromEntry, trimText, type CardInput, type CardPaper } from '../../src/metadata/card';
import type { ArxivRecord, HuggingFaceRecord, PaperMetadata, SourceView } from '../../src/metadata/types';
import { digestFixtures, fixture } from './helpers';

/** `$$` marks the cursor: returns the line without it and the cursor's character. */
function cursor(marked: string): { line: string; character: number } {
  const character = marked.indexOf('$$');
  assert.ok(character >= 0, 'no $$ cursor');
  return { line: marked.replace('$$', ''), character };
}

function refAt(marked: string) {
  const { line, character } = cursor(marked);
  const ref = findArxivReferences(line).find((r) => r.start <= character && character < r.end);
  return ref && { id: ref.id, kind: ref.kind, text: line.slice(ref.start, ref.end) };
}

describe('hover: arXiv references in a line', () => {
  it('finds abs and pdf URLs, with or without scheme, version and .pdf', () => {
    assert.deepEqual(refAt('see https://arxiv.org/abs/2501.17161$$ now'), undefined, 'the character after the URL is not on it');
    assert.deepEqual(refAt('see https://arxiv.org/abs/2501.1716$$1 now'), { id: '2501.17161', kind: 'url', text: 'https://arxiv.org/abs/2501.17161' });
    assert.deepEqual(refAt('pdf: http$$://arxiv.org/pdf/2501.17161v2.pdf'), { id: '2501.17161v2', kind: 'url', text: 'http://arxiv.org/pdf/2501.17161v2.pdf' });
    assert.deepEqual(refAt('(arxiv.org/abs/hep-th/99010$$01)'), { id: 'hep-th/9901001', kind: 'url', text: 'arxiv.org/abs/hep-th/9901001' });
    assert.deepEqual(refAt('https://huggingface.co/papers/2501.$$17161'), { id: '2501.17161', kind: 'url', text: 'https://huggingface.co/papers/2501.17161' });
  });

  it('finds a whole Markdown link to arXiv, brackets in its text included', () => {
    assert.deepEqual(refAt('read [GPT-[n] sc$$aling](https://arxiv.org/abs/2404.19737) first'), {
      id: '2404.19737',
      kind: 'link',
      text: '[GPT-[n] scaling](https://arxiv.org/abs/2404.19737)',
    });
  });

  it('finds arXiv:ID (new and old style) and bare new-style IDs, also glued to Hangul', () => {
    assert.deepEqual(refAt('as in arXiv:2501.1$$7161.'), { id: '2501.17161', kind: 'prefixed', text: 'arXiv:2501.17161' });
    assert.deepEqual(refAt('as in arxiv: hep-th/990$$1001'), { id: 'hep-th/9901001', kind: 'prefixed', text: 'arxiv: hep-th/9901001' });
    assert.deepEqual(refAt('논문 2501.17$$161에서 제안'), { id: '2501.17161', kind: 'bare', text: '2501.17161' });
    assert.deepEqual(refAt('(2404.19737v$$2)'), { id: '2404.19737v2', kind: 'bare', text: '2404.19737v2' });
  });

  it('finds thumbnail URLs', () => {
    assert.deepEqual(refAt('![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.1$$7161.png)'), {
      id: '2501.17161',
      kind: 'thumbnail',
      text: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.17161.png',
    });
  });

  it('ignores numbers that are not arXiv IDs, and IDs inside other URLs', () => {
    for (const line of [
      'version 12501.17161 of the file',
      'the value 2501.171612 is long',
      'month thirteen: 2513.17161',
      'four digits after 2015: 1501.1234',
      'a path /data/2501.17161 here',
      'https://github.com/org/repo/tree/2501.17161',
      'see www.example.com/?id=2501.17161',
      '3.2501.17161 is a version',
      'x2501.17161',
    ]) {
      assert.deepEqual(findArxivReferences(line), [], line);
    }
  });

  it('lists several references of one line in order, without overlaps', () => {
    const line = '[t](https://arxiv.org/abs/2501.17161) and arXiv:2404.19737 and 2406.14347';
    assert.deepEqual(
      findArxivReferences(line).map((r) => [r.kind, r.id]),
      [['link', '2501.17161'], ['prefixed', '2404.19737'], ['bare', '2406.14347']],
    );
  });
});

describe('hover: the reference at a position in a digest', () => {
  const text = fixture('era-de.md');
  const doc = parseDigest(text);
  const lines = text.split('\n');
  const lineInfo = (line: number): LineInfo => ({ text: lines[line], line, start: lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) });
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));

  it('gives the entry for anywhere on its title line, title text included', () => {
    const line = lineOf('### [Better & Faster');
    const target = referenceAt(doc, lineInfo(line), 8);
    assert.equal(target?.kind, 'title');
    assert.equal(target?.id, '2404.19737');
    assert.equal(target?.entry?.title, 'Better & Faster Large Language Models via Multi-token Prediction');
    assert.equal(target?.range.start.line, line);
    assert.equal(text.slice(target!.range.start.offset, target!.range.end.offset), lines[line]);
  });

  it('gives the entry for its thumbnail line', () => {
    const line = lineOf('papers/2404.19737.png');
    const target = referenceAt(doc, lineInfo(line), 2);
    assert.equal(target?.kind, 'media');
    assert.equal(target?.entry?.arxivId, '2404.19737');
  });

  it('gives a reference in summary text with its own range, and nothing elsewhere', () => {
    const edited = text.replace('여러 토큰을 한 번에', '여러 토큰을 (arXiv:2406.14347) 한 번에');
    const d = parseDigest(edited);
    const all = edited.split('\n');
    const line = all.findIndex((l) => l.includes('(arXiv:2406.14347)'));
    const start = all.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
    const character = all[line].indexOf('2406');
    const target = referenceAt(d, { text: all[line], line, start }, character);
    assert.equal(target?.kind, 'prefixed');
    assert.equal(target?.entry, undefined);
    assert.equal(edited.slice(target!.range.start.offset, target!.range.end.offset), 'arXiv:2406.14347');
    assert.equal(referenceAt(d, { text: all[line], line, start }, 2), undefined);
    assert.equal(referenceAt(doc, lineInfo(lineOf('Vote: 15')), 3), undefined);
  });

  it('finds the entry holding a line by binary search', () => {
    for (const entry of doc.entries) {
      assert.equal(entryAtLine(doc, entry.headingRange.start.line), entry);
      assert.equal(entryAtLine(doc, entry.range.end.line), entry);
    }
    assert.equal(entryAtLine(doc, 0), undefined);
  });
});

describe('hover: document links for arXiv IDs', () => {
  it('links arXiv:ID and bare IDs, but not inside links, URLs, code spans or fences', () => {
    const text = [
      '## Daily Papers (2025-01-29)',
      '- see arXiv:2501.17161 and 2404.19737v2.',
      '- [2406.14347](https://arxiv.org/abs/2406.14347) https://example.com/2411.10168 `2501.00001`',
      '```',
      'arXiv:2501.17162',
      '```',
      '~~~~',
      '```',
      '2501.17163',
      '~~~~',
      'after the fence: 2501.17164',
    ].join('\r\n');
    const links = findLinkableIds(text);
    assert.deepEqual(links.map((l) => l.id), ['2501.17161', '2404.19737v2', '2501.17164']);
    for (const l of links) assert.ok(text.slice(l.range.start.offset, l.range.end.offset).endsWith(l.id));
    assert.deepEqual(links.map((l) => [l.range.start.line, l.range.start.character]), [[1, 6], [1, 27], [10, 17]]);
  });
});

describe('linkableIdsOf: the links of a parsed document, entry by entry', () => {
  it('equals findLinkableIds over the whole text, also after edits that shift, change and fence entries', () => {
    const id = 'file:///links.md';
    for (const name of digestFixtures()) {
      const cache = new DigestCache();
      let text = fixture(name) + '\nSee arXiv:2501.00001 and 2404.19737v2.\n';
      let version = 1;
      let doc = cache.get(id, version, () => text);
      assert.deepEqual(linkableIdsOf(doc), findLinkableIds(text), `${name}, as opened`);
      const second = doc.entries[1]?.range.start.offset ?? text.length;
      const edits: TextChange[] = [
        { rangeOffset: 0, rangeLength: 0, text: 'arXiv:2312.00752 above\n\n' },
        { rangeOffset: second, rangeLength: 0, text: '```\n' },
        { rangeOffset: second, rangeLength: 4, text: '' },
        { rangeOffset: text.length, rangeLength: 0, text: '2501.17161\n' },
      ];
      for (const change of edits) {
        const next = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
        cache.recordChanges(id, ++version, [change]);
        doc = cache.get(id, version, () => next);
        text = next;
        assert.deepEqual(linkableIdsOf(doc), findLinkableIds(text), `${name}, after inserting ${JSON.stringify(change.text)}`);
      }
    }
  });
});

const view = <T>(record: T | undefined, extra: Partial<SourceView<T>> = {}): SourceView<T> => ({
  record,
  missing: false,
  fetchedAt: record ? Date.UTC(2025, 0, 30) : undefined,
  stale: false,
  pending: false,
  unavailable: undefined,
  ...extra,
});

/** A source that has no record (pending, missing, unavailable, as `extra` says). */
const none = (extra: Partial<SourceView<never>> = {}): SourceView<never> => view<never>(undefined, extra);

const arxivRecord: ArxivRecord = {
  id: '2404.19737',
  version: 2,
  title: 'Better & Faster Large Language Models via Multi-token Prediction',
  abstract: 'Large language models such as GPT and Llama are trained with a next-token prediction loss.',
  authors: ['Fabian Gloeckle', 'Badr Youbi Idrissi'],
  primaryCategory: 'cs.CL',
  categories: ['cs.CL', 'cs.LG'],
  published: '2024-04-30T17:58:31Z',
  updated: '2024-05-02T10:00:00Z',
  comment: 'ICML 2024',
  doi: '10.48550/arXiv.2404.19737',
  journalRef: null,
};

const hfRecord: HuggingFaceRecord = {
  id: '2404.19737',
  title: null,
  upvotes: 99,
  githubRepo: 'https://github.com/facebookresearch/mtp',
  githubStars: 12,
  projectPage: 'https://example.org/mtp (draft)',
  numComments: 0,
  aiSummary: null,
  publishedAt: null,
};

describe('hover: the card', () => {
  const doc = parseDigest(fixture('era-de.md'));
  const entry = doc.entries.find((e) => e.arxivId === '2404.19737')!;
  const ref = { uri: 'file:///w/paper_logs/2025/01/29.md', line: entry.headingRange.start.line };
  const base: CardInput = {
    paper: paperFromEntry(entry),
    entry: ref,
    current: ref,
    appearances: [
      { date: '2025-01-29', ref },
      { date: '2025-02-03', ref: { uri: 'file:///w/paper_logs/2025/02/03.md', line: 12 } },
    ],
    metadata: undefined,
    availableCommands: new Set(['dailyPapers.revealLine', 'dailyPapers.copyBibtex']),
  };

  /** Every command link of the card, decoded: [command, args]. */
  const commandLinks = (markdown: string) =>
    [...markdown.matchAll(/\]\(command:([\w.]+)\?([^)]*)\)/g)].map((m) => [m[1], JSON.parse(decodeURIComponent(m[2]))] as const);

  it('shows the title linked to arXiv, votes, authors, days, the first summary section and links', () => {
    const card = buildCard(base);
    const md = card.markdown;
    assert.match(md, /^\*\*\[Better \\& Faster Large Language Models via Multi\\-token Prediction\]\(https:\/\/arxiv\.org\/abs\/2404\.19737\)\*\*/);
    assert.match(md, /arXiv:2404\\\.19737 · ▲ 15 votes/);
    assert.match(md, /Fabian Gloeckle, Badr Youbi Idrissi\n/);
    assert.match(md, /Appears on: 2025\\-01\\-29 \(this entry\) · \[2025\\-02\\-03\]\(command:dailyPapers\.revealLine\?/);
    assert.doesNotMatch(md, /Thumbnail/, 'no image that might not load: nothing says Hugging Face is reachable');
    assert.match(md, /\n\*\*What's New\*\*: 여러 토큰을 한 번에 예측하도록 학습합니다\\\.\n/);
    assert.doesNotMatch(md, /Technical Details/, 'only the first summary section');
    assert.match(md, /\[arXiv\]\(https:\/\/arxiv\.org\/abs\/2404\.19737\) · \[PDF\]\(https:\/\/arxiv\.org\/pdf\/2404\.19737\) · \[Hugging Face\]\(https:\/\/huggingface\.co\/papers\/2404\.19737\)/);
    assert.deepEqual(commandLinks(md), [
      ['dailyPapers.revealLine', [{ uri: 'file:///w/paper_logs/2025/02/03.md', line: 12 }]],
      ['dailyPapers.copyBibtex', [ref]],
    ]);
    assert.deepEqual([...card.enabledCommands].sort(), ['dailyPapers.copyBibtex', 'dailyPapers.revealLine']);
    assert.doesNotMatch(md, /showPreview/, 'no preview link while that command does not exist');
  });

  it('marks "(this entry)" only for the entry under the pointer, not for the entry of another digest the commands act on', () => {
    const other = { uri: 'file:///w/paper_logs/2025/02/03.md', line: 12 };
    const md = buildCard({ ...base, entry: other, current: undefined }).markdown;
    assert.doesNotMatch(md, /this entry/);
    assert.match(md, /Appears on: \[2025\\-01\\-29\]\(command:dailyPapers\.revealLine\?/);
  });

  it('links "more…" after the first section and "Show in Preview" only when the preview command exists', () => {
    const card = buildCard({ ...base, availableCommands: new Set([...base.availableCommands, 'dailyPapers.showPreview']) });
    assert.ok(card.enabledCommands.includes('dailyPapers.showPreview'));
    assert.match(card.markdown, /학습합니다\\\. \[more…\]\(command:dailyPapers\.showPreview\?/, 'more sections: "more…" opens the preview');
    assert.deepEqual(commandLinks(card.markdown).at(-1), ['dailyPapers.showPreview', [ref]]);
    const single = buildCard({ ...base, paper: { ...base.paper, sections: base.paper.sections.slice(0, 1) }, availableCommands: new Set(['dailyPapers.showPreview']) });
    assert.doesNotMatch(single.markdown, /more…/, 'nothing more to show');
  });

  it('stays compact for a typical entry with all metadata: a few short blocks', () => {
    const metadata: PaperMetadata = { id: '2404.19737', arxiv: view(arxivRecord), huggingFace: view(hfRecord) };
    const paper: CardPaper = { ...base.paper, authors: Array.from({ length: 12 }, (_, i) => `Author Number${i}`), sections: base.paper.sections.map((x) => ({ ...x, text: 'word '.repeat(120) })) };
    const md = buildCard({ ...base, paper, metadata, availableCommands: new Set(['dailyPapers.showPreview']) }).markdown;
    const blocks = md.split('\n\n');
    // Title, facts, authors, days, thumbnail, summary, rule, metadata line, links.
    assert.equal(blocks.length, 9, md);
    assert.ok(!md.includes('Abstract'), 'the digest has a summary: no abstract');
    assert.ok(blocks.every((b) => !b.includes('\n')), 'one line per block');
    const words = md.replace(/\]\([^)]*\)/g, ']').length;
    assert.ok(words < 1100, `${words} characters of text`);
  });

  it('shortens authors and summaries, and follows the options', () => {
    const paper: CardPaper = {
      ...base.paper,
      authors: ['A One', 'B Two', 'C Three', 'D Four', 'E Five', 'F Six', 'G Seven'],
      sections: [{ label: null, text: 'word '.repeat(100) }],
    };
    const md = buildCard({ ...base, paper, options: { maxAuthors: 3, summaryLength: 50, showThumbnail: false } }).markdown;
    assert.match(md, /A One, B Two, C Three \+4 more/);
    assert.match(md, /\n(word ){9}word…\n/);
    assert.doesNotMatch(md, /Thumbnail/);
    assert.equal(trimText('가'.repeat(10), 4), '가가가가…');
    assert.equal(trimText('😀😀😀', 3), '😀…', 'never half a surrogate pair');
  });

  it('escapes digest text so it can neither format nor link, nor run a command', () => {
    const evil: CardPaper = {
      ...base.paper,
      title: 'Click [me](command:workbench.action.terminal.new) <img src=x> *bold* $(alert)',
      authors: ['<script>alert(1)</script>', '[x](https://evil.example)'],
      sections: [{ label: 'What`s New', text: '![](https://evil.example/p.png) https://evil.example &amp; `code`' }],
      thumbnail: 'http://insecure.example/t.png',
    };
    const card = buildCard({ ...base, paper: evil });
    assert.deepEqual(commandLinks(card.markdown).map(([c]) => c), ['dailyPapers.revealLine', 'dailyPapers.copyBibtex']);
    assert.doesNotMatch(card.markdown, /[^\\][<>]/, 'every angle bracket escaped');
    assert.doesNotMatch(card.markdown, /evil\.example\)/, 'no link to digest-supplied URLs');
    assert.doesNotMatch(card.markdown, /insecure/, 'http thumbnails are not shown');
    assert.equal(escapeMarkdown('a_b*c'), 'a\\_b\\*c');
  });

  it('shows the thumbnail only when Hugging Face knows the paper and answered (a hover cannot replace a broken image)', () => {
    const withHf = (huggingFace: SourceView<HuggingFaceRecord>) => buildCard({ ...base, metadata: { id: '2404.19737', arxiv: none(), huggingFace } }).markdown;
    assert.match(withHf(view(hfRecord)), /!\[Thumbnail\]\(https:\/\/cdn-thumbnails\.huggingface\.co\/social-thumbnails\/papers\/2404\.19737\.png\|width=\d+\)/);
    assert.doesNotMatch(withHf(view(hfRecord, { unavailable: 'offline' })), /Thumbnail/, 'offline: the cached record is no proof the image loads');
    assert.doesNotMatch(withHf(none({ missing: true })), /Thumbnail/, 'not on Hugging Face');
    assert.doesNotMatch(withHf(none({ pending: true })), /Thumbnail/, 'not known yet');
  });

  it('shows no thumbnail for videos put in an image', () => {
    const paper: CardPaper = { ...base.paper, thumbnail: 'https://cdn-uploads.huggingface.co/production/uploads/x/clip.qt' };
    assert.doesNotMatch(buildCard({ ...base, paper, metadata: { id: '2404.19737', arxiv: none(), huggingFace: view(hfRecord) } }).markdown, /Thumbnail/);
  });

  it('escapes remote dates, and shows a thumbnail only from a host the remote-images policy allows', () => {
    const hostile: ArxivRecord = { ...arxivRecord, published: '[x](command:evil)<img src=https://t.test/p>', updated: '*![a](https://t.test/q)' };
    const md = buildCard({ ...base, metadata: { id: '2404.19737', arxiv: view(hostile), huggingFace: none() } }).markdown;
    assert.doesNotMatch(md, /[^\\][[\]()<>!*]\S*t\.test/, md);
    assert.match(md, /Published \\\[x\\\]\\\(comman ·/);
    const online: PaperMetadata = { id: '2404.19737', arxiv: none(), huggingFace: view(hfRecord) };
    const at = (thumbnail: string, remoteImages?: 'all' | 'none') => buildCard({ ...base, metadata: online, paper: { ...base.paper, thumbnail }, options: remoteImages ? { remoteImages } : {} }).markdown;
    assert.doesNotMatch(at('https://tracker.test/p.png'), /Thumbnail/);
    assert.match(at('https://tracker.test/p.png', 'all'), /!\[Thumbnail\]\(https:\/\/tracker\.test\/p\.png/);
    assert.match(at('//cdn-thumbnails.huggingface.co/social-thumbnails/papers/2404.19737.png'), /!\[Thumbnail\]\(https:\/\/cdn-thumbnails/);
    assert.doesNotMatch(at('https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2404.19737.png', 'none'), /Thumbnail/);
  });

  it('adds arXiv and Hugging Face metadata', () => {
    const metadata: PaperMetadata = { id: '2404.19737', arxiv: view(arxivRecord), huggingFace: view(hfRecord) };
    const md = buildCard({ ...base, metadata }).markdown;
    assert.match(md, /99 upvotes on Hugging Face · cs\\\.CL\n/);
    assert.doesNotMatch(md, /Abstract/, 'the digest has a summary: the abstract is left out');
    assert.match(md, /Published 2024\\-04\\-30 · updated 2024\\-05\\-02 \(v2\) · DOI \[10\\\.48550\/arXiv\\\.2404\\\.19737\]\(https:\/\/doi\.org\/10\.48550\/arXiv\.2404\.19737\) · \[GitHub \\\(★ 12\\\)\]\(https:\/\/github\.com\/facebookresearch\/mtp\) · \[Project page\]\(https:\/\/example\.org\/mtp%20%28draft%29\)/);
    const bare = buildCard({ ...base, paper: { ...base.paper, sections: [] }, metadata }).markdown;
    assert.match(bare, /\*Abstract\*: Large language models such as GPT/, 'no summary in the digest: the abstract');
    assert.doesNotMatch(md, /unavailable|Fetching/);
  });

  it('shows a paper known only from metadata, and says quietly when metadata is missing', () => {
    const bare: CardInput = {
      ...base,
      paper: { id: '2404.19737', title: undefined, authors: [], votes: null, thumbnail: undefined, sections: [] },
      entry: undefined,
      appearances: [],
    };
    const known = buildCard({ ...bare, metadata: { id: '2404.19737', arxiv: view(arxivRecord), huggingFace: none({ missing: true }) } });
    assert.match(known.markdown, /^\*\*\[Better \\& Faster/);
    assert.match(known.markdown, /Fabian Gloeckle, Badr Youbi Idrissi/);
    assert.deepEqual(known.enabledCommands, [], 'no entry: no commands');

    const pending = buildCard({ ...bare, metadata: { id: '2404.19737', arxiv: none({ pending: true }), huggingFace: none({ pending: true }) } });
    assert.match(pending.markdown, /\*Fetching metadata…\*/);
    assert.match(pending.markdown, /^\*\*\[2404\\\.19737\]/);

    const offline = buildCard({ ...bare, metadata: { id: '2404.19737', arxiv: none({ unavailable: 'offline' }), huggingFace: none({ unavailable: 'offline' }) } });
    assert.match(offline.markdown, /\*Metadata unavailable \\\(offline\\\)\*/);

    const stale = buildCard({ ...bare, metadata: { id: '2404.19737', arxiv: view(arxivRecord, { stale: true, unavailable: 'offline' }), huggingFace: none() } });
    assert.match(stale.markdown, /showing the copy from 2025\\-01\\-30/);

    const missing = buildCard({ ...bare, metadata: { id: '2404.19737', arxiv: none({ missing: true }), huggingFace: none({ missing: true }) } });
    assert.match(missing.markdown, /\*Not found on arXiv\*/);
  });

  it('uses the translation function for its own words', () => {
    const md = buildCard({ ...base, t: (m, ...a) => `«${m.replace(/\{(\d)\}/g, (_, i: string) => String(a[Number(i)]))}»` }).markdown;
    assert.match(md, /«▲ 15 votes»/);
    assert.match(md, /«Appears on:»/);
  });
});
