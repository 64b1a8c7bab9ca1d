import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { Converter } from 'opencc-js/cn2t';
import { MAX_TOKEN_LENGTH, indexTokens, normalise, pinyinInitials, queryTokens, titleTokens, type Pairs } from './segment.ts';
import { sharedData } from '../../../test/support/shared-data.ts';

// Real sentences from the shared law corpus (read at test time, not copied into the repository).
const corpusDir = sharedData('corpus/lawrefbook-samples');
const sentences = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .slice(0, 12)
  .flatMap((f) => readFileSync(join(corpusDir, f), 'utf8').split(/[。\n]/))
  .map((s) => s.replace(/^#+\s*/, '').trim())
  .filter((s) => s.length >= 4 && !s.startsWith('<!--'));
const sentence = fc.constantFrom(...sentences);
const toTaiwan = Converter({ from: 'cn', to: 'tw' });
const toHongKong = Converter({ from: 'cn', to: 'hk' });
const jieba = Jieba.withDict(dict);

test('the corpus gives the properties something to work on', () => {
  assert.ok(sentences.length > 200, `only ${sentences.length} sentences`);
});

test('normalisation: full-width to half-width, lower case, traditional to simplified', () => {
  assert.equal(normalise('ＡＢＣ１２３'), 'abc123');
  assert.equal(normalise('政務公開 臺灣 衞生 看著'), '政务公开 台湾 卫生 看着');
  assert.equal(normalise('COVID-19'), 'covid-19');
});

test('index tokens: search-mode words, numbers and ASCII words kept, punctuation and spaces dropped', () => {
  const tokens = indexTokens('中华人民共和国中医药条例，宜府办发〔２０２３〕５号　第12号 COVID-19 疫情！');
  for (const t of ['中华人民共和国', '人民', '共和国', '中医药', '中医', '条例', '宜府', '2023', '5', '12', '号', 'covid', '19', '疫情']) {
    assert.ok(tokens.includes(t), `${t} in ${tokens.join(' ')}`);
  }
  assert.ok(
    tokens.every((t) => /^[\p{L}\p{N}]+$/u.test(t)),
    tokens.join(' '),
  );
  assert.deepEqual(indexTokens(' ，。！  \n'), []);
});

test('a two-character word cut apart by jieba in context is still a token (燃气管|道 → 管道)', () => {
  assert.ok(!jieba.cut('燃气管道', true).includes('管道'));
  assert.ok(indexTokens('请勿私自改装燃气管道').includes('管道'));
  assert.ok(titleTokens('燃气管道安全管理问答').includes('管道'));
});

test('a lone character of a query is replaced by its pairs with the neighbouring words', () => {
  const contains = (text: string, q: string, pairs?: Pairs) => queryTokens(q).every((t) => indexTokens(text, pairs).includes(t));
  assert.deepEqual(queryTokens('宜府办'), ['宜府', '府办']);
  // A 发文字号 (and a title) gives every boundary pair, 宜府|办发 → 府办; a body only those next to a
  // one-character word (ADR 0007).
  assert.ok(contains('宜府办发〔2023〕5号', '宜府办', 'every'));
  assert.ok(titleTokens('宜府办发〔2023〕5号').includes('府办'));
  assert.ok(!contains('宜府办发〔2023〕5号', '宜府办'));
  assert.deepEqual(queryTokens('市外'), ['市外']);
  assert.ok(contains('注册于上海市外的企业', '市外'), '上海市|外 gives 市外');
  // 上海市|外商: a pair across two longer words is a false reading, not a token (ADR 0007).
  assert.ok(!contains('上海市外商投资条例', '市外'));
  assert.deepEqual(queryTokens('第12号'), ['12', '第', '号']);
});

test('recall: every word, and at least 99.5% of runs of two or three words, of real sentences find their sentence', () => {
  // What a searcher types: words and phrases. A piece that starts or ends inside a word is not always found
  // (ADR 0007: pairs across two longer words are not indexed).
  let words = 0;
  let runs = 0;
  let runsFound = 0;
  const lost: string[] = [];
  for (const s of sentences.slice(0, 400).map(normalise)) {
    const indexed = new Set(indexTokens(s));
    const cut = jieba.cut(s, true);
    for (let i = 0; i < cut.length; i++)
      for (let k = 1; k <= 3 && i + k <= cut.length; k++) {
        const piece = cut.slice(i, i + k);
        const q = piece.join('');
        if (!piece.every((w) => /^\p{Script=Han}+$/u.test(w)) || q.length < 2) continue;
        const found = queryTokens(q).every((t) => indexed.has(t));
        if (k === 1) {
          words++;
          assert.ok(found, `word ${q} not found in ${s}`);
        } else {
          runs++;
          if (found) runsFound++;
          else lost.push(q);
        }
      }
  }
  assert.ok(words > 2000 && runs > 4000, `${words} words, ${runs} runs`);
  assert.ok(runsFound / runs >= 0.995, `${runsFound} of ${runs}; lost ${lost.slice(0, 10).join(' ')}`);
});

test('words of other scripts stay whole; Chinese next to them is segmented on its own', () => {
  const tokens = indexTokens('日本語のテキスト；Ελληνικά；naïve café；B2B、ic卡');
  for (const t of ['日本语', 'のテキスト', 'ελληνικά', 'naïve', 'café', 'b2b', 'ic', '卡'])
    assert.ok(tokens.includes(t), `${t} in ${tokens.join(' ')}`);
});

test('repeats are kept in index tokens (term frequency) but not in query tokens', () => {
  assert.equal(indexTokens('公开，公开，公开').filter((t) => t === '公开').length, 3);
  assert.deepEqual(queryTokens('公开 公开'), ['公开']);
});

test('query tokens: the same segmentation; a one-character query is one token; FTS syntax is just words', () => {
  assert.deepEqual(queryTokens('政務公開'), ['政务', '公开']);
  assert.deepEqual(queryTokens('市'), ['市']);
  assert.deepEqual(queryTokens('zwgk'), ['zwgk']);
  assert.deepEqual(queryTokens('"a" OR b* NEAR(c) \'d\' & !e'), ['a', 'or', 'b', 'near', 'c', 'd', 'e']);
  assert.deepEqual(queryTokens('  ，。!? '), []);
  assert.deepEqual(queryTokens(''), []);
});

test('title tokens add single characters and pinyin initials of words, word pairs and the whole title', () => {
  const tokens = titleTokens('宜昌市人民政府办公室关于印发2023年政务公开工作要点的通知');
  for (const t of ['宜昌市', '政务', '公开', '2023', '宜', '市', 'ycs', 'rmzf', 'zwgk', 'gzyd', 'ycsrmzfbgsgyyfnzwgkgzyddtz']) {
    assert.ok(tokens.includes(t), `${t} in ${tokens.join(' ')}`);
  }
  assert.equal(new Set(tokens).size, tokens.length);
  assert.equal(pinyinInitials('重庆市'), 'cqs');
  assert.deepEqual(titleTokens(''), []);
});

test('the initials of word pairs and the whole title read each word on its own (characters with two readings)', () => {
  // pinyin-pro on the whole title read 长江 as zj (长 zhǎng) and 执行 as zh (行 háng); word by word: cj, zx.
  const tokens = titleTokens('重庆市长江防护林体系管理条例');
  assert.ok(tokens.includes('cqscjfhltxgltl'), tokens.join(' '));
  assert.ok(tokens.includes('cqscj') || tokens.includes('cqs'), tokens.join(' '));
  assert.ok(!tokens.includes('cqszjfhltxgltl'));
  const budget = titleTokens('中央预算执行情况审计监督暂行办法');
  assert.ok(budget.includes('zyyszxqksjjdzxbf'), budget.join(' '));
  assert.ok(!budget.includes('zyyszhqksjjdzxbf'));
  assert.ok(budget.includes('zxqk'), 'a pair of words: 执行 + 情况');
  // Single-character words still give their initial to the whole title and to pairs: 市 + 人民政府.
  assert.ok(titleTokens('宜昌市人民政府').includes('ycsrmzf'));
});

test('property: normalisation is idempotent', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    sentence.map((s) => toTaiwan(s)),
  );
  fc.assert(fc.property(text, (s: string) => normalise(normalise(s)) === normalise(s)));
});

test('property: every token is a non-empty run of letters and digits of bounded length', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), sentence), (s) => {
      for (const t of [...indexTokens(s), ...titleTokens(s), ...queryTokens(s)]) {
        assert.match(t, /^[\p{L}\p{N}]+$/u);
        assert.ok(Array.from(t).length <= MAX_TOKEN_LENGTH);
      }
    }),
  );
});

test('property: traditional (Taiwan, Hong Kong) and simplified forms of a text give the same tokens', () => {
  fc.assert(
    fc.property(sentence, fc.constantFrom(toTaiwan, toHongKong), (s, toTraditional) => {
      assert.deepEqual(indexTokens(toTraditional(s)), indexTokens(s));
      assert.deepEqual(queryTokens(toTraditional(s)), queryTokens(s));
      assert.deepEqual(titleTokens(toTraditional(s)), titleTokens(s));
    }),
  );
});

test('property: the query tokens of any word (2+ characters, dictionary segmentation) of a text are among its index tokens', () => {
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.nat(), (parts, pick) => {
      const text = parts.join('，');
      const words = jieba.cut(normalise(text), false).filter((w) => /^[\p{L}\p{N}]{2,}$/u.test(w));
      fc.pre(words.length > 0);
      const word = words[pick % words.length]!;
      const indexed = new Set(indexTokens(text));
      for (const t of queryTokens(word)) assert.ok(indexed.has(t), `query ${word} → ${t} not indexed`);
    }),
  );
});

test('property: a query for a whole text matches its own index tokens and its title tokens', () => {
  fc.assert(
    fc.property(sentence, (s) => {
      const indexed = new Set(indexTokens(s));
      const title = new Set(titleTokens(s));
      for (const t of queryTokens(s)) assert.ok(indexed.has(t) && title.has(t), t);
    }),
  );
});

/** How each occurrence of a character pair lies in jieba's words of a text (the index's segmentation). */
function pairPlaces(text: string): Map<string, Set<'inside' | 'by-one-character' | 'across-longer'>> {
  const words = jieba.cut(text.replace(/(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu, ' '), true);
  const places = new Map<string, Set<'inside' | 'by-one-character' | 'across-longer'>>();
  const add = (pair: string, place: 'inside' | 'by-one-character' | 'across-longer') => {
    if (/^(?:(?=\p{L})\p{Script=Han}){2}$/u.test(pair)) places.set(pair, (places.get(pair) ?? new Set()).add(place));
  };
  words.forEach((word, i) => {
    const chars = Array.from(word);
    for (let k = 1; k < chars.length; k++) add(chars[k - 1]! + chars[k]!, 'inside');
    const before = Array.from(words[i - 1] ?? '');
    if (before.length && chars.length)
      add(before.at(-1)! + chars[0]!, before.length === 1 || chars.length === 1 ? 'by-one-character' : 'across-longer');
  });
  return places;
}

test('property: a two-character dictionary word is found where it lies in a word or next to a one-character word', () => {
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.nat(), (parts, pick) => {
      const text = normalise(parts.join('，'));
      const found = [...pairPlaces(text)].filter(([pair, places]) => {
        const dictionaryWord = jieba.cut(pair, false);
        return dictionaryWord.length === 1 && dictionaryWord[0] === pair && (places.has('inside') || places.has('by-one-character'));
      });
      fc.pre(found.length > 0);
      const [pair] = found[pick % found.length]!;
      assert.ok(indexTokens(text).includes(pair), `${pair} not indexed`);
    }),
  );
});

test('property: a pair found only across two longer words is not a token (ADR 0007)', () => {
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.nat(), (parts, pick) => {
      const text = normalise(parts.join('，'));
      const across = [...pairPlaces(text)].filter(([, places]) => places.size === 1 && places.has('across-longer'));
      fc.pre(across.length > 0);
      const [pair] = across[pick % across.length]!;
      assert.ok(!indexTokens(text).includes(pair), `${pair} indexed`);
    }),
  );
});

test('false readings across two longer words do not match (施工|作业 is not 工作)', () => {
  const matches = (text: string, q: string) => queryTokens(q).every((t) => indexTokens(text).includes(t));
  for (const [text, q] of [
    ['对首次上岗的施工作业人员安排实习', '工作'],
    ['在解决劳动人事争议案件中', '议案'],
    ['及时颁布全国家庭教育指导大纲', '国家'],
    ['面征求意见或者运用电子信息平台', '用电'],
  ] as const) {
    assert.ok(!matches(text, q), `${q} matched ${text}`);
    // The words themselves are still found.
    for (const w of jieba.cut(text, false).filter((x) => x.length >= 2)) assert.ok(matches(text, w), `${w} not found in ${text}`);
  }
});
