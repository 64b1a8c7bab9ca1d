import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePrefs, prefsClassName, safeReturnPath, serializePrefs, updatePrefs } from './prefs.ts';

test('the preferences cookie round-trips and falls back to defaults part by part', () => {
  assert.deepEqual(parsePrefs('large.high'), { text: 'large', contrast: 'high' });
  assert.deepEqual(parsePrefs('huge.high'), { text: 'normal', contrast: 'high' });
  assert.deepEqual(parsePrefs('xlarge'), { text: 'xlarge', contrast: 'normal' });
  assert.deepEqual(parsePrefs(undefined), { text: 'normal', contrast: 'normal' });
  assert.equal(serializePrefs(parsePrefs('xlarge.high')), 'xlarge.high');
});

test('updates take only valid values', () => {
  const current = { text: 'large', contrast: 'normal' } as const;
  assert.deepEqual(updatePrefs(current, { contrast: 'high' }), { text: 'large', contrast: 'high' });
  assert.deepEqual(updatePrefs(current, { text: 'tiny', contrast: ['high'] }), current);
});

test('html classes', () => {
  assert.equal(prefsClassName({ text: 'normal', contrast: 'normal' }), undefined);
  assert.equal(prefsClassName({ text: 'xlarge', contrast: 'high' }), 'text-xlarge contrast-high');
});

test('return paths stay on this site', () => {
  for (const ok of ['/', '/organisations?q=%E5%A4%B7', '/a/b#c']) assert.equal(safeReturnPath(ok), ok);
  for (const bad of ['//evil.com', '/\\evil.com', 'https://evil.com', 'evil.com', '', '/a\nb', '/a\u0000', 42, undefined, `/${'a'.repeat(2001)}`]) {
    assert.equal(safeReturnPath(bad), '/', String(bad));
  }
});
