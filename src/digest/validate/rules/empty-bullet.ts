// A summary bullet with nothing after its dash or label.
import { entryRule } from '../types';

export default entryRule({ id: 'empty-bullet', name: 'Empty bullet', severity: 'error', fixable: false, ko: '빈 글머리표' }, (entry, ctx) => {
  for (const section of entry.sections) {
    if (section.text === '') ctx.report(section.range, `Unexpected empty summary bullet${section.label ? ` \`${section.label}\`` : ''}, expected its text`);
  }
});
