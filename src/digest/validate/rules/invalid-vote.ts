// `Vote:` that is neither a non-negative integer nor `-` (unknown).
import { entryRule } from '../types';

export default entryRule({ id: 'invalid-vote', name: 'Invalid vote', severity: 'error', fixable: false, ko: '잘못된 투표수' }, (entry, ctx) => {
  const vote = entry.vote;
  if (!vote || vote.value !== null || vote.raw === '-') return;
  const range = vote.raw === '' ? vote.range : vote.valueRange;
  ctx.report(range, `Unexpected vote \`${vote.raw}\`, expected a non-negative whole number (or \`-\` when unknown)`);
});
