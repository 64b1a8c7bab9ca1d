import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, canAnywhere, isPlatformAdmin, scopeRoots, systemActor, type Actor, type Grant } from './actor.ts';
import { permissions, roleCodes, roles, type RoleCode } from './roles.ts';

const actor = (grants: Omit<Grant, 'id'>[], scopes: Actor['scopes'] = null): Actor => ({
  kind: scopes ? 'token' : 'user', userId: 'u', userName: 'u', grants: grants.map((g, i) => ({ ...g, id: String(i) })), scopes, ip: null, requestId: null,
});
const CITY = '/city/';
const A = '/city/a/';
const A_TOWN = '/city/a/t/';
const B = '/city/b/';
const AB = '/city/ab/'; // a sibling whose id starts like A's must not be covered by A

test('exhaustive: every role × permission × position in the tree', () => {
  for (const role of roleCodes) {
    const a = actor([{ role, orgId: 'a', orgPath: A }]);
    for (const permission of permissions) {
      const granted = (roles[role as RoleCode].permissions as readonly string[]).includes(permission);
      assert.equal(can(a, permission, A), granted, `${role} ${permission} on own org`);
      assert.equal(can(a, permission, A_TOWN), granted, `${role} ${permission} on subtree`);
      assert.equal(can(a, permission, CITY), false, `${role} ${permission} on parent`);
      assert.equal(can(a, permission, B), false, `${role} ${permission} on sibling`);
      assert.equal(can(a, permission, AB), false, `${role} ${permission} on prefix-alike sibling`);
    }
  }
});

test('token scopes narrow, never widen, what the user may do', () => {
  const admin = actor([{ role: 'sysadmin', orgId: 'c', orgPath: CITY }], ['organisations:read']);
  assert.equal(can(admin, 'org.read', A), true);
  assert.equal(can(admin, 'org.manage', A), false);
  assert.equal(can(admin, 'document.read', A), false);
  const editor = actor([{ role: 'editor', orgId: 'a', orgPath: A }], ['users:write']);
  assert.equal(can(editor, 'user.manage', A), false);
});

test('scope roots are minimal and empty without the permission', () => {
  const a = actor([
    { role: 'editor', orgId: 'a', orgPath: A },
    { role: 'editor', orgId: 't', orgPath: A_TOWN },
    { role: 'editor', orgId: 'b', orgPath: B },
    { role: 'case_handler', orgId: 'c', orgPath: CITY },
  ]);
  assert.deepEqual(scopeRoots(a, 'document.edit'), [A, B]);
  assert.deepEqual(scopeRoots(a, 'request.handle'), [CITY]);
  assert.deepEqual(scopeRoots(a, 'audit.read'), []);
  assert.equal(canAnywhere(a, 'audit.read'), false);
  assert.equal(scopeRoots(systemActor(), 'audit.read'), null);
});

test('platform administrator = sysadmin on a root organisation', () => {
  assert.equal(isPlatformAdmin(actor([{ role: 'sysadmin', orgId: 'c', orgPath: CITY }])), true);
  assert.equal(isPlatformAdmin(actor([{ role: 'sysadmin', orgId: 'a', orgPath: A }])), false);
  assert.equal(isPlatformAdmin(actor([{ role: 'office_admin', orgId: 'c', orgPath: CITY }])), false);
});
