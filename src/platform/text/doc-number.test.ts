import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractDocNumbers, formatDocNumber, normaliseDocNumber, parseDocNumber, parseOrderNumber } from './doc-number.ts';

test('examples from domain.md §5.5 parse to their parts', () => {
  assert.deepEqual(parseDocNumber('宜府办发〔2023〕5号'), { prefix: '宜府办发', year: 2023, serial: 5, normalised: '宜府办发〔2023〕5号' });
  assert.equal(parseDocNumber('国办公开办函〔2021〕30号')?.prefix, '国办公开办函');
  assert.equal(parseDocNumber('国办发明电〔2024〕12号')?.serial, 12);
});

test('noise seen in real data is normalised', () => {
  const cases: [string, string][] = [
    ['发文字号：渝府办发〔2021〕95号', '渝府办发〔2021〕95号'],
    ['文号: 宜府办发〔2023〕5号', '宜府办发〔2023〕5号'],
    ['晋政办发[2007]116号', '晋政办发〔2007〕116号'],
    ['国发【2019】21号', '国发〔2019〕21号'],
    ['国发(2019)21号', '国发〔2019〕21号'],
    ['国发（2019）21号', '国发〔2019〕21号'],
    ['国发［2019］21号', '国发〔2019〕21号'],
    ['国发﹝2019﹞21号', '国发〔2019〕21号'],
    ['国发〈2019〉21号', '国发〔2019〕21号'],
    ['国发〔2019]21号', '国发〔2019〕21号'],
    ['豫政办 〔2021〕 7 号', '豫政办〔2021〕7号'],
    ['宜府办发〔２０２３〕５号', '宜府办发〔2023〕5号'],
    ['宜府办发〔2023〕005号', '宜府办发〔2023〕5号'],
    ['宜府办发〔2023〕第5号', '宜府办发〔2023〕5号'],
    ['宜府办发〔2023〕5', '宜府办发〔2023〕5号'],
    ['宜府办发〔2023〕5号文件', '宜府办发〔2023〕5号'],
    ['渝府发〔2021〕95号〔〕', '渝府发〔2021〕95号'],
    ['渝府〔2020〕42号\u200b', '渝府〔2020〕42号'],
    ['晋政发〔2022〕号99', '晋政发〔2022〕99号'],
    ['宜府办发〔二〇二三〕5号', '宜府办发〔2023〕5号'],
    ['\u3000宜府办发〔2023〕5号 ', '宜府办发〔2023〕5号'],
    ['的通知沪发改价管〔2023〕39号', '沪发改价管〔2023〕39号'], // title fragment left by the scraper
    ['省人民政府辽政发〔1987〕17号', '辽政发〔1987〕17号'],
    ['农业农村部通告〔2019〕3号', '农业农村部通告〔2019〕3号'],
  ];
  for (const [raw, expected] of cases) assert.equal(parseDocNumber(raw)?.normalised, expected, raw);
});

test('values that are not standard document numbers give null', () => {
  for (const raw of [
    '',
    '无',
    '发文字号：',
    '2012/04/27',
    '2020-06-11 00:00:00',
    'http://www.gov.cn/x.htm',
    '豫政 第99号',
    '宜府办发〔23〕5号',
    '宜府办发〔2023〕0号',
    '〔2023〕5号',
  ]) {
    assert.equal(parseDocNumber(raw), null, raw);
  }
});

test('orders and numbered announcements have their own form', () => {
  assert.deepEqual(parseOrderNumber('省政府令 第149号'), { prefix: '省政府令', year: null, serial: 149, normalised: '省政府令第149号' });
  assert.equal(normaliseDocNumber('发文字号：山西省人民政府令第301号'), '山西省人民政府令第301号');
  assert.equal(normaliseDocNumber('国家税务总局公告2018年第14号'), '国家税务总局公告2018年第14号');
  assert.equal(normaliseDocNumber('交通运输部令2019年第018号'), '交通运输部令2019年第18号');
  assert.equal(normaliseDocNumber('国务院令374号'), '国务院令第374号');
  assert.equal(normaliseDocNumber('宜府办发(2023)5号'), '宜府办发〔2023〕5号');
  assert.equal(normaliseDocNumber('宜昌市人民政府令 第 1 号'), '宜昌市人民政府令第1号');
  assert.equal(parseOrderNumber('豫政 第99号'), null);
});

test('document numbers are found in running text without the words before them', () => {
  const text =
    '根据《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47号）和宜府办发[2023]５号文件，' +
    '2003年4月7日中华人民共和国国务院令第374号公布；日照市政府令第5号。2023年共办理12件。';
  assert.deepEqual(
    extractDocNumbers(text).map((m) => [m.normalised, m.kind, text.slice(m.index, m.index + m.raw.length) === m.raw]),
    [
      ['国办发〔2017〕47号', 'standard', true],
      ['宜府办发〔2023〕5号', 'standard', true],
      ['中华人民共和国国务院令第374号', 'order', true],
      ['日照市政府令第5号', 'order', true],
    ],
  );
});

const prefixArb = fc
  .array(fc.constantFrom(...'宜府办发国函沪粤川渝政规财税人社教明电委厅局市县区农鄂晋豫'.split('')), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''));
const partsArb = fc.record({ prefix: prefixArb, year: fc.integer({ min: 1949, max: 2099 }), serial: fc.integer({ min: 1, max: 99999 }) });
const noisyArb = fc.record({
  brackets: fc.constantFrom(['〔', '〕'], ['[', ']'], ['【', '】'], ['(', ')'], ['（', '）'], ['［', '］'], ['﹝', '﹞'], ['〈', '〉']),
  label: fc.constantFrom('', '发文字号：', '文号:', '发文字号 '),
  zeros: fc.integer({ min: 0, max: 3 }),
  fullWidth: fc.boolean(),
  di: fc.boolean(),
  hao: fc.boolean(),
  space: fc.constantFrom('', ' ', '\u3000'),
  tail: fc.constantFrom('', '文件', '〔〕', '\u200b'),
});

test('property: formatting then parsing round-trips, and normalisation is idempotent', () => {
  fc.assert(
    fc.property(partsArb, (parts) => {
      const formatted = formatDocNumber(parts);
      const parsed = parseDocNumber(formatted);
      assert.deepEqual(parsed, { ...parts, normalised: formatted });
      assert.equal(parseDocNumber(parsed!.normalised)?.normalised, parsed!.normalised);
    }),
  );
});

test('property: noisy spellings normalise to the same form', () => {
  fc.assert(
    fc.property(partsArb, noisyArb, (parts, n) => {
      const digits = (s: string) => (n.fullWidth ? s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s);
      const serial = '0'.repeat(n.zeros) + String(parts.serial);
      const raw = `${n.label}${parts.prefix}${n.space}${n.brackets[0]}${digits(String(parts.year))}${n.brackets[1]}${n.space}${n.di ? '第' : ''}${digits(serial)}${n.hao ? '号' : ''}${n.hao ? n.tail : ''}`;
      const normalised = normaliseDocNumber(raw);
      assert.equal(normalised, formatDocNumber(parts), raw);
      assert.equal(normaliseDocNumber(normalised!), normalised);
    }),
  );
});
