import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findChineseDates, standaloneDate } from './dates.ts';
import { metadataFromInfo, parseInfoLines } from './info-lines.ts';
import { organFromEvent, organFromTitle, organsOnLine } from './organs.ts';

test('Chinese dates in Arabic and Chinese numerals', () => {
  const dates = (s: string) => findChineseDates(s).map((d) => d.date);
  assert.deepEqual(dates('2023年3月5日'), ['2023-03-05']);
  assert.deepEqual(dates('二〇二三年三月五日'), ['2023-03-05']);
  assert.deepEqual(dates('二○二三年十二月三十一日'), ['2023-12-31']);
  assert.deepEqual(dates('二〇二〇年十月二十日'), ['2020-10-20']);
  assert.deepEqual(dates('２０２３年４月１７日'), ['2023-04-17']);
  assert.deepEqual(dates('2023 年 4 月 17 日印发'), ['2023-04-17']);
  assert.deepEqual(dates('自2023年2月30日起；2023年13月1日'), []);
  assert.deepEqual(dates('2002年7月27日公布，2003年1月1日施行'), ['2002-07-27', '2003-01-01']);
  assert.deepEqual(
    findChineseDates('成文日期：2023-04-17', { iso: true }).map((d) => d.date),
    ['2023-04-17'],
  );
  assert.equal(standaloneDate('  2023年4月17日 '), '2023-04-17');
  assert.equal(standaloneDate('2023年4月17日印发'), null);
});

test('property: every calendar date round-trips through both numeral systems', () => {
  const cn = (n: number) => String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
  const small = (n: number) => (n < 10 ? cn(n) : `${n >= 20 ? cn(Math.floor(n / 10)) : ''}十${n % 10 ? cn(n % 10) : ''}`);
  fc.assert(
    fc.property(fc.date({ min: new Date('1949-10-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      const iso = d.toISOString().slice(0, 10);
      assert.equal(findChineseDates(`${y}年${m}月${day}日`)[0]?.date, iso);
      assert.equal(findChineseDates(`${cn(y)}年${small(m)}月${small(day)}日`)[0]?.date, iso);
    }),
  );
});

test('organs from law header events, 落款 lines and titles', () => {
  assert.equal(organFromEvent('中华人民共和国国务院令第374号公布'), '中华人民共和国国务院');
  assert.equal(organFromEvent('上海市第十五届人民代表大会常务委员会第二十五次会议通过'), '上海市人民代表大会常务委员会');
  assert.equal(organFromEvent('国务院第3次常务会议通过'), '国务院');
  assert.equal(organFromEvent('最高人民法院审判委员会第1813次会议通过'), '最高人民法院');
  assert.equal(organFromEvent('宁波市十五届人大常委会第三十四次会议通过'), '宁波市人大常委会');
  assert.equal(organFromEvent('国家计划委员会、水利部令第1号发布'), '国家计划委员会、水利部');
  assert.equal(organFromEvent('杭州市人民代表大会常务委员会第33号公布'), '杭州市人民代表大会常务委员会');
  assert.equal(organFromEvent('施行'), null);
  assert.deepEqual(organsOnLine('宜昌市财政局　　宜昌市税务局'), ['宜昌市财政局', '宜昌市税务局']);
  assert.equal(organsOnLine('现印发给你们，请认真贯彻落实'), null);
  assert.equal(
    organFromTitle('最高人民法院、最高人民检察院关于办理贪污贿赂刑事案件适用法律若干问题的解释'),
    '最高人民法院、最高人民检察院',
  );
  assert.equal(organFromTitle('关于印发要点的通知'), null);
});

test('law header lines: version date, entry into force, issuer and order number', () => {
  assert.deepEqual(
    metadataFromInfo(['2003年4月2日 国务院第3次常务会议通过', '2003年4月7日 中华人民共和国国务院令第374号公布', '2003年10月1日 施行']),
    { writtenOn: '2003-04-07', effectiveOn: '2003-10-01', issuer: '中华人民共和国国务院', docNo: '中华人民共和国国务院令第374号' },
  );
  // Two events on one line; the latest non-施行 event is the version date.
  assert.deepEqual(
    parseInfoLines([
      '2021年6月30日 开封市第十五届人民代表大会常务委员会第十八次会议通过2021年7月30日河南省第十三届人民代表大会常务委员会第二十六次会议批准',
    ]).map((e) => [e.date, e.type]),
    [
      ['2021-06-30', 'adopted'],
      ['2021-07-30', 'approved'],
    ],
  );
  // An old 施行 date does not describe the amended version.
  const amended = metadataFromInfo([
    '2006年8月16日 青岛市第十三届人民代表大会常务委员会第二十九次会议通过',
    '2007年1月1日 施行根据2018年9月7日青岛市第十六届人民代表大会常务委员会第十一次会议《关于修改〈青岛市环境噪声管理规定〉等十九件地方性法规的决定》第二次修正',
  ]);
  assert.deepEqual(amended, { writtenOn: '2018-09-07', effectiveOn: null, issuer: '青岛市人民代表大会常务委员会', docNo: null });
});
