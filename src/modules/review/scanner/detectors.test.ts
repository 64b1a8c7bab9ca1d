import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMasks, compileDictionary, scanText } from './index.ts';
import { luhnComplete, syntheticId, syntheticUscc, withWrongCheck } from './scanner.testkit.ts';

const found = (text: string, options?: Parameters<typeof scanText>[1]) => scanText(text, options).map((f) => [f.category, f.text] as const);

test('a valid 18-digit ID between Chinese characters is found with offsets, message and mask', () => {
  const text = '申请人身份证号11010519491231002X，现住';
  const [f] = scanText(text, { location: { field: 'body' } });
  assert.ok(f);
  assert.deepEqual([f.category, f.severity, f.blocking, f.start, f.end], ['id_card', 'high', true, 7, 25]);
  assert.equal(text.slice(f.start, f.end), '11010519491231002X');
  assert.equal(f.masked, '110105********002X');
  assert.equal(f.message.zh, '身份证号码（校验位正确，出生日期 1949-12-31，地址码 110105 北京市朝阳区）');
  assert.deepEqual(f.location, { field: 'body' });
});

test('near-miss IDs: a wrong check digit is a low hint only beside 身份证, impossible dates and unknown areas are not reported', () => {
  const id = syntheticId('420502', '19900307', '123');
  assert.deepEqual(found(`编号${withWrongCheck(id)}`), []);
  const hint = scanText(`身份证号：${withWrongCheck(id)}`);
  assert.deepEqual(hint.map((f) => [f.category, f.severity, f.blocking]), [['id_card', 'low', false]]);
  assert.deepEqual(found(`流水${syntheticId('420502', '19900230', '123')}`), []); // 30 February
  assert.deepEqual(found(`流水${syntheticId('990502', '19900307', '123')}`), []); // no province 99
  assert.deepEqual(found(`统计数据${id}0`), []); // part of a longer number
});

test('15-digit old IDs with a known area code and a real date', () => {
  assert.deepEqual(found('旧证号420502900307123。'), [['id_card_old', '420502900307123']]);
  assert.deepEqual(found('数量420502901307123。'), []); // month 13
});

test('mobile numbers in all written forms; order numbers labelled as such are only low hints', () => {
  for (const form of ['13812341234', '138-1234-1234', '138 1234 1234', '+8613812341234', '0086 138 1234 1234', '+86-138-1234-1234']) {
    const [f] = scanText(`联系${form}。`);
    assert.equal(f?.category, 'mobile', form);
    assert.equal(f?.text, form);
    assert.equal(f?.severity, 'high');
  }
  assert.deepEqual(found('号码12812341234和138123412345和1541234123'), []); // no 12x, too long, too short
  assert.equal(scanText('订单号：13812341234')[0]?.severity, 'low');
  assert.deepEqual(found('电话13812341234', { allowPhones: ['138-1234-1234'] }), []);
});

test('landlines unless on the allow-list of published office numbers', () => {
  assert.deepEqual(found('电话：0717-6221234'), [['landline', '0717-6221234']]);
  assert.deepEqual(found('电话：(0717)6221234'), [['landline', '(0717)6221234']]);
  assert.deepEqual(found('电话：0717-6221234', { allowPhones: ['07176221234'] }), []);
  assert.deepEqual(found('热线12345，2023-2025年'), []);
});

test('bank cards need Luhn and a context word (or a UnionPay prefix as a low hint)', () => {
  const card = luhnComplete('622848001234567890');
  assert.deepEqual(scanText(`收款账号：${card}`).map((f) => [f.category, f.severity]), [['bank_card', 'high']]);
  assert.deepEqual(scanText(`代码${card}`).map((f) => [f.category, f.severity]), [['bank_card', 'low']]);
  const bad = card.slice(0, -1) + ((Number(card.at(-1)) + 1) % 10);
  assert.deepEqual(found(`账号${bad}`), []);
  assert.deepEqual(found(`账号${luhnComplete('4000123412341234')}`).map(([c]) => c), ['bank_card']);
});

test('an 18-digit ID that also passes Luhn is reported once, as an ID', () => {
  for (let seq = 100; seq < 140; seq++) {
    const id = syntheticId('420502', '19900307', String(seq));
    const findings = scanText(`卡号 ${id}`);
    assert.deepEqual(findings.map((f) => f.category), ['id_card']);
  }
});

test('e-mail addresses outside the allowed official domains', () => {
  assert.deepEqual(found('邮箱 zhang.san@qq.com；公开信箱 gkb@yichang.gov.cn'), [['email', 'zhang.san@qq.com']]);
  assert.deepEqual(found('邮箱 zhang.san@qq.com', { allowEmailDomains: ['qq.com'] }), []);
});

test('passports and travel permits only after their keywords', () => {
  assert.deepEqual(found('护照号码：E12345678'), [['passport', 'E12345678']]);
  assert.deepEqual(found('护照号EA1234567'), [['passport', 'EA1234567']]);
  assert.deepEqual(found('往来港澳通行证号码C12345678'), [['travel_permit', 'C12345678']]);
  assert.deepEqual(found('型号E12345678'), []);
});

test('licence plates and detailed home addresses', () => {
  assert.deepEqual(found('车牌号鄂E12345，鄂ED12345'), [['plate', '鄂E12345'], ['plate', '鄂ED12345']]);
  assert.deepEqual(found('京津冀协同发展，新G20升级'), []);
  assert.deepEqual(found('住址：西陵区夷陵大道58号3栋2单元501室'), [['address', '3栋2单元501室']]);
  assert.deepEqual(found('家住某某村3组15号'), [['address', '3组15号']]);
  assert.deepEqual(found('第3组15号文件'), []);
});

test('USCC of individual businesses (92…) but not of government bodies (11…)', () => {
  const individual = syntheticUscc('92420500MA4ABCDE1');
  const government = syntheticUscc('11420500011136062');
  assert.deepEqual(found(`个体户 ${individual}`), [['uscc_individual', individual]]);
  assert.deepEqual(found(`索引号 ${government}/2023-00001`), []);
});

test('confidentiality markings are always blocking; mentions in running text are not markings', () => {
  const text = '机密★10年\n内部资料  注意保存\n（工作秘密）关于某项工作\n内部\n各单位要严格保守国家秘密和工作秘密，内部资料不得外传。';
  const findings = scanText(text);
  assert.deepEqual(
    findings.map((f) => [f.text, f.severity, f.blocking]),
    [
      ['机密★10年', 'block', true],
      ['内部资料  注意保存', 'block', true],
      ['（工作秘密）', 'block', true],
      ['内部', 'block', true],
    ],
  );
});

test('dictionary words and wrong expressions with their correct form; a new dictionary is a new object', () => {
  const dict = compileDictionary([
    { id: 'w1', word: '国家发展计划委员会', kind: 'wrong', correct: '国家发展和改革委员会' },
    { id: 's1', word: '某敏感词', kind: 'sensitive', severity: 'medium' },
    { id: 's2', word: '敏感', kind: 'sensitive' },
  ]);
  assert.equal(dict.size, 3);
  const text = '经国家发展计划委员会批准，含某敏感词。';
  const findings = scanText(text, { dictionary: dict });
  assert.deepEqual(
    findings.map((f) => [f.category, f.text, f.severity, f.masked, f.suggestion, f.ruleId]),
    [
      ['wrong_expression', '国家发展计划委员会', 'high', '国家发展和改革委员会', '国家发展和改革委员会', 'dictionary:w1'],
      ['sensitive_word', '某敏感词', 'medium', '****', undefined, 'dictionary:s1'],
    ],
  );
  assert.equal(applyMasks(text, findings), '经国家发展和改革委员会批准，含****。');
  const reloaded = compileDictionary([]);
  assert.notEqual(reloaded, dict);
  assert.deepEqual(scanText(text, { dictionary: reloaded }), []);
});

test('masking rules are configurable per category', () => {
  const [f] = scanText('电话13812341234', { masking: { mobile: { keepStart: 0, keepEnd: 4, char: '●' } } });
  assert.equal(f?.masked, '●●●●●●●1234');
});

test('full-width digits are read as digits; the finding keeps the original characters', () => {
  const text = '电话：１３８１２３４１２３４。';
  const [f] = scanText(text);
  assert.equal(f?.category, 'mobile');
  assert.equal(f?.text, '１３８１２３４１２３４');
  assert.equal(text.slice(f!.start, f!.end), f!.text);
  assert.equal(f?.masked, '１３８****１２３４');
});

test('a long list of IDs (a leaked 名单) is reported entry by entry', () => {
  const ids = Array.from({ length: 20_000 }, (_, i) => syntheticId('420502', '19900307', String(i % 1000).padStart(3, '0')));
  const text = ids.map((id, i) => `${i + 1}. 张某 ${id} 13812341234`).join('\n');
  const findings = scanText(text, { dictionary: compileDictionary([{ id: 'x', word: '张某', kind: 'sensitive' }]) });
  assert.equal(findings.filter((f) => f.category === 'id_card').length, 20_000);
  assert.equal(findings.filter((f) => f.category === 'mobile').length, 20_000);
  assert.equal(findings.filter((f) => f.category === 'sensitive_word').length, 20_000);
});

test('an ID grouped 6-8-4 with spaces or hyphens is still an ID; other groupings are not', () => {
  assert.deepEqual(found('身份证：110105 19491231 002X。'), [['id_card', '110105 19491231 002X']]);
  assert.deepEqual(found('编号110105-19491231-002X'), [['id_card', '110105-19491231-002X']]);
  assert.equal(scanText('身份证：110105 19491231 002X')[0]?.masked, '110105 ******** 002X');
  assert.deepEqual(found('数据 1101 0519 4912 3100 2X'), []);
});

test('each finding carries the text around it, other findings in it masked', () => {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const base = '42050219900307123';
  const id = base + '10X98765432'[[...base].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11]!;
  const text = `申请人张三，身份证号码${id}，电话13807171234，住址略。`;
  const [idFinding, phone] = scanText(text);
  assert.equal(idFinding!.category, 'id_card');
  assert.deepEqual(idFinding!.context, { before: '申请人张三，身份证号码', after: `，电话${phone!.masked}，住址略。` });
  assert.ok(!phone!.context!.before.includes(id), 'the ID next to the phone number is masked in its context');
  assert.ok(phone!.context!.before.endsWith(`${idFinding!.masked}，电话`));
});
