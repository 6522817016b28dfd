// `npm run generate`: rewrites the files that repeat the rules' metadata (see scripts/generated.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, GENERATED_FILES } from './generated';

const root = join(__dirname, '..');
for (const file of GENERATED_FILES) {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = generate(file, before);
  if (after !== before) writeFileSync(path, after);
  console.log(`${after === before ? 'unchanged' : 'written  '} ${file}`);
}
