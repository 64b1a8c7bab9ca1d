import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseParseError } from './parse-errors.ts';
import { cli, newInstance } from './cli.testkit.ts';

test('commander’s parse errors read in Chinese, with the English kept in brackets', () => {
  const cases: [string, string][] = [
    [
      "error: unknown command 'impor'\n(Did you mean import?)",
      "错误：没有 impor 这个命令（unknown command 'impor'）\n（是不是要用 import？）",
    ],
    [
      "error: unknown option '--bogus'\n(Did you mean one of --org, --column?)",
      "错误：没有 --bogus 这个选项（unknown option '--bogus'）\n（是不是要用 --org、--column？）",
    ],
    [
      "error: required option '--org <org>' not specified",
      "错误：缺少必填的选项 --org <org>（required option '--org <org>' not specified）",
    ],
    ["error: option '--org <org>' argument missing", "错误：选项 --org <org> 后面缺少取值（option '--org <org>' argument missing）"],
    [
      "error: option '--threads <n>' argument 'abc' is invalid. 须为 0–64 的整数",
      "错误：选项 --threads <n> 的取值“abc”无效：须为 0–64 的整数（option '--threads <n>' argument 'abc' is invalid）",
    ],
    ["error: missing required argument 'path'", "错误：缺少参数 path（missing required argument 'path'）"],
    [
      "error: too many arguments for 'import'. Expected 1 argument but got 2.",
      "错误：import 只需要 1 个参数，收到 2 个（too many arguments for 'import'. Expected 1 argument but got 2.）",
    ],
    [
      'error: too many arguments. Expected 0 arguments but got 1.',
      '错误：只需要 0 个参数，收到 1 个（too many arguments. Expected 0 arguments but got 1.）',
    ],
  ];
  for (const [english, chinese] of cases) assert.equal(chineseParseError(english), chinese);
  assert.equal(
    chineseParseError('error: something commander adds later'),
    'error: something commander adds later',
    'unknown messages pass through',
  );
});

test('the CLI prints parse errors in Chinese and exits 1', async (t) => {
  const inst = await newInstance();
  t.after(() => inst.dispose());
  const typo = await cli(inst, ['migrat']);
  assert.equal(typo.code, 1);
  assert.match(typo.err, /^错误：没有 migrat 这个命令（unknown command 'migrat'）\n（是不是要用 migrate？）/);
  const bad = await cli(inst, ['search', 'reindex', '--threads', 'many']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /错误：选项 --threads <n> 的取值“many”无效：须为 0–64 的整数/);
});
