import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mismatch, readSection, sectionNames, type SectionName, type SettingsSchema } from '../../src/features/configSchema';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const schema: SettingsSchema = manifest.contributes.configuration.properties;
const t = (message: string, ...args: (string | number)[]) => message.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
const read = <S extends SectionName>(section: S, settings: Record<string, unknown>) => readSection(section, schema, (key) => settings[key], t);

describe('settings, checked against the manifest', () => {
  it('has a section for every group of settings', () => {
    assert.deepEqual(sectionNames(schema).sort(), ['files', 'hover', 'metadata', 'newDigest', 'outline', 'preview', 'symbols', 'validation']);
  });

  it('gives every setting its default when nothing is set, with no warning', () => {
    for (const section of sectionNames(schema)) assert.deepEqual(read(section, {}).warnings, [], section);
    assert.deepEqual(read('validation', {}).values, { enabled: true, delay: 50, labelStyle: 'auto', rules: {} });
    assert.deepEqual(read('files', {}).values, { files: ['**/paper_logs/**/*.md'] });
    assert.deepEqual(read('symbols', {}).values, { provide: 'missing' }, 'no paper listed twice next to the Markdown symbols');
  });

  it('keeps valid values', () => {
    const { values, warnings } = read('validation', { 'dailyPapers.validation.delay': 0, 'dailyPapers.validation.labelStyle': 'bold', 'dailyPapers.validation.rules': { nbsp: 'off' } });
    assert.deepEqual(warnings, []);
    assert.deepEqual(values, { enabled: true, delay: 0, labelStyle: 'bold', rules: { nbsp: 'off' } });
  });

  it('replaces a bad rule severity by the rule default and keeps the other rules, naming the setting and the rule', () => {
    const { values, warnings } = read('validation', { 'dailyPapers.validation.rules': { nbsp: 'loud', 'invalid-vote': 'warning', 'no-such-rule': 'error' } });
    assert.deepEqual(values.rules, { 'invalid-vote': 'warning' });
    assert.deepEqual(warnings, [
      'Setting dailyPapers.validation.rules: "nbsp" is "loud", expected one of error, warning, information, hint, off; using the default "hint".',
      'Setting dailyPapers.validation.rules: unknown entry "no-such-rule" is ignored.',
    ]);
  });

  it('replaces a negative delay, a wrong enum value and a wrong type by the default', () => {
    const { values, warnings } = read('validation', {
      'dailyPapers.validation.delay': -5,
      'dailyPapers.validation.labelStyle': 'italic',
      'dailyPapers.validation.enabled': 'yes',
      'dailyPapers.validation.rules': ['nbsp'],
    });
    assert.deepEqual(values, { enabled: true, delay: 50, labelStyle: 'auto', rules: {} });
    assert.deepEqual(warnings, [
      'Setting dailyPapers.validation.enabled: "yes" is not valid, expected true or false; using the default true.',
      'Setting dailyPapers.validation.delay: -5 is not valid, expected at least 0; using the default 50.',
      'Setting dailyPapers.validation.labelStyle: "italic" is not valid, expected one of auto, bold, bold-italic; using the default "auto".',
      'Setting dailyPapers.validation.rules: ["nbsp"] is not valid, expected an object; using the default {}.',
    ]);
  });

  it('checks list items and numbers', () => {
    assert.equal(mismatch(['a', 3], schema['dailyPapers.files']!, t), 'expected a string');
    assert.equal(mismatch(Number.NaN, schema['dailyPapers.preview.maxSize']!, t), 'expected a number');
    assert.match(read('preview', { 'dailyPapers.preview.maxAuthors': 0 }).warnings[0]!, /dailyPapers\.preview\.maxAuthors: 0 is not valid, expected at least 1/);
  });
});
