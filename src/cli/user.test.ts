import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canLogin, cli, newInstance, noStack, seed, valueAfter } from './cli.testkit.ts';

test('user create, list and reset-password; the printed passwords sign in', async (t) => {
  const instance = await newInstance();
  t.after(() => instance.dispose());
  await seed(instance);

  const created = await cli(instance, [
    'user',
    'create',
    '--username',
    'xiling-editor',
    '--name',
    '张三',
    '--org',
    '420502',
    '--role',
    'editor',
    '--role',
    'reviewer',
  ]);
  assert.equal(created.code, 0, created.err);
  assert.match(created.out, /已创建用户 xiling-editor（张三，西陵区）/);
  const initial = valueAfter(created.out, '初始密码');
  assert.equal(initial.length, 16);
  assert.ok(await canLogin(instance, 'xiling-editor', initial));

  const listed = await cli(instance, ['user', 'list', '--json']);
  const users = JSON.parse(listed.out) as {
    username: string;
    organisationName: string;
    roles: { role: string }[];
    mustChangePassword: boolean;
  }[];
  const user = users.find((u) => u.username === 'xiling-editor');
  assert.equal(user?.organisationName, '西陵区');
  assert.deepEqual(user?.roles.map((r) => r.role).sort(), ['editor', 'reviewer']);
  assert.equal(user?.mustChangePassword, true);
  assert.deepEqual(users.map((u) => u.username).sort(), ['admin', 'xiling-editor']);

  const table = await cli(instance, ['user', 'list', '--q', '张']);
  assert.match(table.out, /^用户名\s+姓名\s+机构\s+角色\s+状态/);
  assert.match(table.out, /xiling-editor\s+张三\s+西陵区\s+信息员（编辑）@西陵区，审核人@西陵区\s+启用（待改密）/);
  assert.ok(!table.out.includes('admin '), 'the filter leaves admin out');
  assert.match(table.out, /共 1 个用户/);

  const reset = await cli(instance, ['user', 'reset-password', 'xiling-editor']);
  assert.equal(reset.code, 0, reset.err);
  const fresh = valueAfter(reset.out, '新密码');
  assert.notEqual(fresh, initial);
  assert.ok(await canLogin(instance, 'xiling-editor', fresh));
  assert.equal(await canLogin(instance, 'xiling-editor', initial), false);

  const chosen = await cli(instance, ['user', 'reset-password', 'xiling-editor', '--password', 'chosen-password-42']);
  assert.equal(chosen.code, 0);
  assert.ok(!chosen.out.includes('新密码'), 'a chosen password is not echoed');
  assert.ok(await canLogin(instance, 'xiling-editor', 'chosen-password-42'));
});

test('user commands explain mistakes in Chinese and exit 1 without a stack trace', async (t) => {
  const instance = await newInstance();
  t.after(() => instance.dispose());
  await seed(instance);
  const cases: [string[], RegExp][] = [
    [['user', 'reset-password', 'nobody'], /用户 nobody 不存在/],
    [['user', 'create', '--username', 'admin', '--name', '重名'], /用户名 admin 已存在/],
    [['user', 'create', '--username', 'weak', '--name', '弱', '--password', 'short'], /密码至少 10 个字符/],
    [['user', 'create', '--username', 'bad name!', '--name', '坏'], /username 格式不正确/],
    [['user', 'create', '--username', 'boss', '--name', '老板', '--role', 'boss'], /未知角色：boss/],
    [['user', 'create', '--username', 'far', '--name', '远', '--org', '999999'], /没有行政区划代码为 999999 的机构/],
  ];
  for (const [args, message] of cases) {
    const run = await cli(instance, args);
    assert.equal(run.code, 1, args.join(' '));
    assert.match(run.err, message);
    assert.ok(noStack(run.err), run.err);
  }
  const listed = JSON.parse((await cli(instance, ['user', 'list', '--json'])).out) as { username: string }[];
  assert.deepEqual(
    listed.map((u) => u.username),
    ['admin'],
    'nothing was created by the failed commands',
  );
});
