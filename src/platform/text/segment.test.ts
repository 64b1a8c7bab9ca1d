import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { Converter } from 'opencc-js/cn2t';
import { MAX_TOKEN_LENGTH, indexTokens, normalise, pinyinInitials, queryTokens, titleTokens } from './segment.ts';

// Real sentences from the shared law corpus (read at test time, not copied into the repository).
const corpusDir = join(import.meta.dirname, '../../../../shared/data/corpus/lawrefbook-samples');
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
  const contains = (text: string, q: string) => queryTokens(q).every((t) => indexTokens(text).includes(t));
  assert.deepEqual(queryTokens('宜府办'), ['宜府', '府办']);
  assert.ok(contains('宜府办发〔2023〕5号', '宜府办'));
  assert.deepEqual(queryTokens('市外'), ['市外']);
  assert.ok(contains('上海市外商投资条例', '市外'));
  assert.deepEqual(queryTokens('第12号'), ['12', '第', '号']);
});

test('recall: at least 85% of random 2–6 character pieces of real sentences find their sentence', () => {
  const piece = fc.tuple(sentence, fc.integer({ min: 2, max: 6 }), fc.nat()).map(([s, len, at]) => {
    const runs =
      normalise(s)
        .match(/\p{Script=Han}+/gu)
        ?.filter((r) => r.length >= len) ?? [];
    const run = runs[at % Math.max(1, runs.length)] ?? '';
    const start = at % Math.max(1, run.length - len + 1);
    return { s, q: run.slice(start, start + len) };
  });
  const samples = fc.sample(piece, { numRuns: 1500, seed: 20261125 }).filter((p) => p.q.length >= 2);
  const found = samples.filter(({ s, q }) => {
    const indexed = new Set(indexTokens(s));
    return queryTokens(q).every((t) => indexed.has(t));
  });
  assert.ok(found.length / samples.length >= 0.85, `${found.length} of ${samples.length}`);
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

test('property: a two-character dictionary word is found wherever the pair occurs in a text', () => {
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.nat(), (parts, pick) => {
      const text = normalise(parts.join('，'));
      const chars = Array.from(text);
      const pairs = chars
        .slice(1)
        .map((c, i) => chars[i]! + c)
        .filter((p) => /^\p{Script=Han}{2}$/u.test(p));
      fc.pre(pairs.length > 0);
      const pair = pairs[pick % pairs.length]!;
      const dictionaryWord = jieba.cut(pair, false);
      fc.pre(dictionaryWord.length === 1 && dictionaryWord[0] === pair);
      assert.ok(indexTokens(text).includes(pair), `${pair} not indexed`);
    }),
  );
});
