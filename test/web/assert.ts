// `node:assert/strict` in the web test bundle: the npm port of Node's assert (the suites are shared with the Node host).
import assert from 'assert';

export = assert.strict;
