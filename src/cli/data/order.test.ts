import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkSize, insertOrder, parentsFirst } from './order.ts';
import type { TableInfo } from '../../platform/db/introspect.ts';

const table = (name: string, refs: [string, string][] = []): TableInfo => ({
  name,
  columns: ['id', ...refs.map(([c]) => c)],
  primaryKey: ['id'],
  foreignKeys: refs.map(([column, t]) => ({ column, table: t, refColumn: 'id' })),
});

test('tables come after the tables they reference; self references do not count', () => {
  const order = insertOrder([
    table('iam_role_grant', [['user_id', 'iam_user'], ['org_id', 'iam_org']]),
    table('iam_user', [['org_id', 'iam_org']]),
    table('aud_log'),
    table('iam_org', [['parent_id', 'iam_org']]),
  ]).map((t) => t.name);
  assert.ok(order.indexOf('iam_org') < order.indexOf('iam_user'));
  assert.ok(order.indexOf('iam_user') < order.indexOf('iam_role_grant'));
  assert.equal(order.length, 4);
});

test('a cycle between tables is reported with its path', () => {
  assert.throws(() => insertOrder([table('a', [['b_id', 'b']]), table('b', [['a_id', 'a']])]), /a → b → a/);
});

test('rows of a self-referencing table are ordered parents first', () => {
  const org = table('iam_org', [['parent_id', 'iam_org']]);
  const rows = [
    { id: 'village', parent_id: 'town' },
    { id: 'town', parent_id: 'county' },
    { id: 'city', parent_id: null },
    { id: 'county', parent_id: 'city' },
    { id: 'orphan', parent_id: 'missing' },
  ];
  const ids = parentsFirst(org, rows).map((r) => r.id);
  assert.deepEqual(ids, ['city', 'county', 'town', 'village', 'orphan']);
  assert.throws(() => parentsFirst(org, [{ id: 'a', parent_id: 'b' }, { id: 'b', parent_id: 'a' }]), /循环/);
});

test('chunks stay under the bound-parameter limits', () => {
  assert.equal(chunkSize(10), 500);
  assert.equal(chunkSize(100), 300);
  assert.ok(chunkSize(100) * 100 <= 32_766);
  assert.equal(chunkSize(0), 500);
});
