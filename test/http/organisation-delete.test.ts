// Deleting an organisation: refused while anything of weight refers to it, and when allowed it takes its own
// settings along, so it neither fails on a foreign key (a 500) nor leaves rows pointing at nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listTables } from '../../src/platform/db/introspect.ts';
import { ADMIN_PASSWORD, buildTestApp } from '../support/app.ts';
import { orgByName } from '../support/factories.ts';

/** Columns that hold organisation ids and are neither held nor owned, with the reason. */
const NEITHER: Record<string, string> = {
  'aud_log.org_id': 'history: the audit log keeps what happened to an organisation after it is gone',
  'pub_ledger.org_id': 'history: the append-only publication ledger; its rows exist only for documents, which are held',
  'srch_doc.org_id': 'derived: search entries of documents and Q&As, which are held',
  'rev_interpretation_plan.org_id': 'follows a document (held)',
  'rev_override.org_id': 'follows a document (held)',
  'rev_queue_item.org_id': 'follows a document (held)',
  'req_notification.org_id': 'follows a case (held)',
};

const isOrgColumn = (column: string) => column === 'org_id' || column.endsWith('_org_id') || column === 'owner';

test('every column that holds organisation ids either refuses a deletion, is deleted with the organisation, or is listed with its reason', async (t) => {
  const { services } = await buildTestApp(t);
  const { held, owned } = services.organisations.deletionCoverage;
  const key = (r: { table: string; column: string }) => `${r.table}.${r.column}`;
  const covered = new Set([...held.map(key), ...owned.map(key)]);
  const found: string[] = [];
  for (const table of await listTables(services.database)) {
    const columns = new Set([
      ...table.columns.filter(isOrgColumn),
      ...table.foreignKeys.filter((f) => f.table === 'iam_org').map((f) => f.column),
    ]);
    if (table.name === 'iam_org') columns.delete('parent_id'); // children are counted by the organisations module itself
    for (const c of columns) found.push(`${table.name}.${c}`);
  }
  assert.ok(found.includes('doc_column.org_id') && found.includes('req_case.org_id'), `found: ${found.join(', ')}`);
  const uncovered = found.filter((c) => !covered.has(c) && !NEITHER[c]);
  assert.deepEqual(uncovered, [], 'a new column holding organisation ids must be registered in container.ts or listed here');
  const stale = [...covered, ...Object.keys(NEITHER)].filter((c) => !found.includes(c));
  assert.deepEqual(stale, [], 'every registered column exists');
  assert.deepEqual(
    held.map(key).filter((c) => owned.some((o) => key(o) === c)),
    [],
    'nothing is both held and owned',
  );
});

test('an organisation whose catalog was viewed and whose settings were made is deleted with them; one others file with is refused', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const admin = await login('admin', ADMIN_PASSWORD);
  const county = await orgByName(services, '西陵区');
  const create = async (name: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: admin,
      payload: { parentId: county.id, name, kind: 'department' },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string };
  };
  const remove = (id: string) => app.inject({ method: 'DELETE', url: `/api/v1/organisations/${id}`, headers: admin });
  const db = services.database.db;

  const mistaken = await create('误建的测试局');
  const bureau = await create('西陵区测试司法局');
  const catalog = (await app.inject(`/api/v1/organisations/${mistaken.id}/catalog`)).json() as { items: unknown[] };
  assert.ok(catalog.items.length > 0, 'viewing the catalog created its columns from the template');
  const steps = await app.inject({
    method: 'PUT',
    url: `/api/v1/review/steps/${mistaken.id}`,
    headers: admin,
    payload: { steps: ['初审', '终审'] },
  });
  assert.equal(steps.statusCode, 200, steps.body);
  const authority = await app.inject({
    method: 'PUT',
    url: `/api/v1/normative/filing-authorities/${mistaken.id}`,
    headers: admin,
    payload: { authorityOrgId: bureau.id },
  });
  assert.equal(authority.statusCode, 200, authority.body);

  // The bureau is the filing authority of another organisation: deleting it would leave that setting dangling.
  const refused = await remove(bureau.id);
  assert.equal(refused.statusCode, 409, refused.body);
  assert.equal(refused.json().error.code, 'ORG_HAS_CONTENT');
  assert.match(refused.body, /以其为备案审查机关/);

  const deleted = await remove(mistaken.id);
  assert.equal(deleted.statusCode, 204, deleted.body);
  const left = async (table: 'doc_column' | 'rev_step_config' | 'doc_filing_authority') =>
    (await db.selectFrom(table).select('org_id').where('org_id', '=', mistaken.id).execute()).length;
  assert.deepEqual([await left('doc_column'), await left('rev_step_config'), await left('doc_filing_authority')], [0, 0, 0]);
  const audit = await db
    .selectFrom('aud_log')
    .select(['before'])
    .where('action', '=', 'organisation.delete')
    .where('entity_id', '=', mistaken.id)
    .executeTakeFirstOrThrow();
  const removed = (JSON.parse(String(audit.before)) as { removed: Record<string, number> }).removed;
  assert.equal(removed.doc_column, catalog.items.length);
  assert.equal(removed.rev_step_config, 1);
  assert.equal(removed.doc_filing_authority, 1);

  // With nobody filing with it any more, the bureau goes too.
  assert.equal((await remove(bureau.id)).statusCode, 204);
});
