// Generated digests for the page tests: several days of entries with thumbnails, votes, authors and summaries.

export interface GeneratedEntry {
  readonly id: string;
  readonly title: string;
  readonly votes: number;
  readonly authors: readonly string[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `days` day sections of `perDay` entries; entry k of day d gets ID 2501.<d><k> and votes that are not sorted. */
export function makeDigest(days: number, perDay: number, thumbnail = (id: string) => `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png`): { text: string; entries: GeneratedEntry[] } {
  const entries: GeneratedEntry[] = [];
  const parts: string[] = [];
  for (let d = 0; d < days; d++) {
    parts.push(`## Daily Papers (2025-01-${pad(27 + d, 2)})\n`);
    for (let k = 0; k < perDay; k++) {
      const id = `2501.${pad(d + 1, 2)}${pad(k + 1, 3)}`;
      const votes = (k * 37 + d * 11) % 50;
      const authors = k === 4 ? Array.from({ length: 30 }, (_, i) => `Many Author ${i}`) : [`Author ${d}-${k}`, `Coauthor ${k % 3}`];
      const title = `Paper ${d}-${k}: ${k % 2 ? 'Scaling' : 'Aligning'} Models`;
      entries.push({ id, title, votes, authors });
      parts.push(
        `### [${title}](https://arxiv.org/abs/${id})\n`,
        `![](${thumbnail(id)})\n`,
        `Vote: ${votes}\n`,
        `Authors: ${authors.join(', ')}\n`,
        `- ***What's New***: 항목 ${d}-${k}의 새로운 점입니다. [코드](https://github.com/x/${id}) 참고.`,
        `- ***Technical Details***: 기술적 세부 사항을 설명합니다. *강조*와 \`code\`가 있습니다.`,
        `- ***Performance Highlights***: 성능이 향상되었습니다.\n`,
      );
    }
  }
  return { text: parts.join('\n'), entries };
}
