// Synthetic search corpus for `npm run bench -- search`, recombined from the shared real texts (lawrefbook laws,
// government work reports) so the index sees their vocabulary. Document i is a pure function of (seed, i): any
// process can generate any slice of the corpus without the others, and nothing of it is kept in memory.
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { SearchDoc, SearchQuery } from '../src/platform/search/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The shared data directory (outside the repository; never copied into it). */
export const dataDir = process.env.BENCH_DATA_DIR ?? join(root, '../shared/data');

export type Texts = { titles: string[]; paragraphs: string[]; laws: number; reports: number };

/** Titles and paragraphs (≥ 10 characters, headings' `#` removed) of every law and work report. */
export async function loadTexts(): Promise<Texts> {
  const titles: string[] = [];
  const paragraphs: string[] = [];
  const addBody = (body: string) => {
    for (const raw of body.split(/\n\s*\n/)) {
      const p = raw
        .replace(/^#+\s*/gm, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (p.length >= 10) paragraphs.push(p);
    }
  };
  const lines = (file: string, gz: boolean) =>
    createInterface({ input: gz ? createReadStream(file).pipe(createGunzip()) : createReadStream(file), crlfDelay: Infinity });

  const lawFile = join(dataDir, 'corpus/lawrefbook.jsonl.gz');
  if (!existsSync(lawFile)) throw new Error(`${lawFile} not found (set BENCH_DATA_DIR to the shared data directory)`);
  let laws = 0;
  for await (const line of lines(lawFile, true)) {
    if (!line.trim()) continue;
    const law = JSON.parse(line) as { title?: string; body?: string };
    if (law.title) titles.push(law.title.trim());
    if (law.body) addBody(law.body);
    laws++;
  }
  let reports = 0;
  const reportDir = join(dataDir, 'reports');
  for (const name of existsSync(reportDir)
    ? readdirSync(reportDir)
        .filter((n) => n.endsWith('.jsonl'))
        .sort()
    : []) {
    for await (const line of lines(join(reportDir, name), false)) {
      if (!line.trim()) continue;
      const report = JSON.parse(line) as { title?: string; content?: string };
      if (report.title) titles.push(report.title.trim());
      if (report.content) addBody(report.content);
      reports++;
    }
  }
  return { titles, paragraphs, laws, reports };
}

// ---------------------------------------------------------------------------------------------- randomness

/** mulberry32: small, fast, good enough for picking; returns [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A well-mixed 32-bit seed for item `i` of stream `seed` (murmur3 finaliser). */
export function seedFor(seed: number, i: number, stream = 0): number {
  let h = (Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const int = (rnd: () => number, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
/** Picks by weight: [[value, weight], …]. */
function weighted<T>(rnd: () => number, list: readonly (readonly [T, number])[]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [v, w] of list) if ((r -= w) < 0) return v;
  return list[list.length - 1]![0];
}

// ------------------------------------------------------------------------------------------ organisations

export type Org = { id: string; path: string; name: string; prefixes: string[]; code: string; level: 'city' | 'county' | 'department' };

// [path segment, name, 发文字号 abbreviation]
const DEPARTMENTS: [string, string, string][] = [
  ['fgw', '发展和改革委员会', '发改'],
  ['jyj', '教育局', '教'],
  ['kjj', '科学技术局', '科'],
  ['jxj', '经济和信息化局', '经信'],
  ['mzw', '民族宗教事务委员会', '民宗'],
  ['gaj', '公安局', '公'],
  ['mzj', '民政局', '民'],
  ['sfj', '司法局', '司'],
  ['czj', '财政局', '财'],
  ['rsj', '人力资源和社会保障局', '人社'],
  ['zgj', '自然资源和规划局', '自然资规'],
  ['hbj', '生态环境局', '环'],
  ['zjj', '住房和城乡建设局', '建'],
  ['jtj', '交通运输局', '交'],
  ['slj', '水利和湖泊局', '水'],
  ['nyj', '农业农村局', '农'],
  ['swj', '商务局', '商'],
  ['wlj', '文化和旅游局', '文旅'],
  ['wjw', '卫生健康委员会', '卫健'],
  ['tyj', '退役军人事务局', '退役'],
  ['yjj', '应急管理局', '应急'],
  ['sjj', '审计局', '审'],
  ['gzw', '国有资产监督管理委员会', '国资'],
  ['scj', '市场监督管理局', '市监'],
  ['tij', '体育局', '体'],
  ['tjj', '统计局', '统'],
  ['ybj', '医疗保障局', '医保'],
  ['lyj', '林业局', '林'],
  ['cgw', '城市管理执法委员会', '城管'],
  ['sjz', '政务服务和大数据管理局', '数据'],
];

// [path segment, name, one-character 发文字号 prefix] — a fake prefecture-level city 宜州 and its counties.
const COUNTIES: [string, string, string][] = [
  ['qj', '清江区', '清'],
  ['lq', '龙泉区', '龙'],
  ['by', '白洋县', '白'],
  ['ty', '桃源县', '桃'],
  ['lx', '柳溪县', '柳'],
  ['sz', '松滋县', '松'],
  ['xk', '峡口市', '峡'],
  ['js', '金沙县', '金'],
];

/** 151 organisations: the city government, 30 city departments, 8 counties with 14 departments each. */
export function orgTree(): Org[] {
  const orgs: Org[] = [];
  let code = 100;
  const add = (o: Omit<Org, 'code' | 'id'>) => {
    orgs.push({ ...o, id: `org${o.path.replace(/\//g, '-').replace(/-$/, '')}`, code: `0114${String(code++).padStart(5, '0')}` });
  };
  add({ path: '/yz/', name: '宜州市人民政府', prefixes: ['宜府发', '宜府办发', '宜府函', '宜政办发'], level: 'city' });
  for (const [seg, name, abbr] of DEPARTMENTS)
    add({ path: `/yz/${seg}/`, name: `宜州市${name}`, prefixes: [`宜${abbr}发`, `宜${abbr}规`, `宜${abbr}函`], level: 'department' });
  COUNTIES.forEach(([cseg, cname, c], ci) => {
    add({ path: `/yz/${cseg}/`, name: `${cname}人民政府`, prefixes: [`${c}政发`, `${c}政办发`, `${c}政函`], level: 'county' });
    for (let k = 0; k < 14; k++) {
      const [seg, name, abbr] = DEPARTMENTS[(ci * 5 + k * 2) % DEPARTMENTS.length]!;
      add({ path: `/yz/${cseg}/${seg}/`, name: `${cname}${name}`, prefixes: [`${c}${abbr}发`, `${c}${abbr}规`], level: 'department' });
    }
  });
  return orgs;
}

// ------------------------------------------------------------------------------------------------ metadata

export const TOPICS = [
  '综合政务\\政务公开',
  '综合政务\\应急管理',
  '国民经济管理、国有资产监管\\发展规划',
  '国民经济管理、国有资产监管\\统计',
  '财政、金融、审计\\财政',
  '财政、金融、审计\\审计',
  '国土资源、能源\\土地',
  '农业、林业、水利\\农业、畜牧业、渔业',
  '农业、林业、水利\\水利',
  '工业、交通\\交通',
  '商贸、海关、旅游\\旅游',
  '城乡建设、环境保护\\城乡建设（含住房）',
  '城乡建设、环境保护\\环境监测、保护与治理',
  '科技、教育\\教育',
  '文化、广电、新闻出版\\文化',
  '卫生、体育\\卫生',
  '劳动、人事、监察\\就业',
  '公安、安全、司法\\司法',
  '民政、扶贫、救灾\\民政',
  '市场监管、安全生产监管\\安全生产监管',
] as const;

const GENRES = ['通知', '意见', '办法', '规定', '决定', '批复', '通告', '公告', '函', '方案', '规划', '条例'] as const;
const VALIDITY = [
  ['有效', 65],
  ['失效', 15],
  ['废止', 12],
  ['已修改', 8],
] as const;

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2025;

/** Document `i` of the corpus with seed `seed`. */
export function makeDoc(texts: Texts, orgs: Org[], seed: number, i: number): SearchDoc {
  const rnd = prng(seedFor(seed, i));
  const org = pick(rnd, orgs);
  // Recent years are more frequent (portals hold more recent documents).
  const year = YEAR_MAX - Math.floor((YEAR_MAX - YEAR_MIN + 1) * rnd() ** 1.6);
  const month = int(rnd, 1, 12);
  const day = int(rnd, 1, 28);
  const publishedAt = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(int(rnd, 0, 9)).padStart(2, '0')}:${String(int(rnd, 0, 59)).padStart(2, '0')}:00.000Z`;
  const base = pick(rnd, texts.titles);
  const interpretation = rnd() < 0.1;
  const variant = rnd();
  let title: string;
  let genre: string;
  if (interpretation) {
    title = `《${base}》政策解读`;
    genre = '解读';
  } else if (variant < 0.35) {
    title = base;
    genre = GENRES.find((g) => base.endsWith(g)) ?? pick(rnd, GENRES);
  } else if (variant < 0.6) {
    title = `${org.name}关于印发《${base}》的通知`;
    genre = '通知';
  } else if (variant < 0.72) {
    title = `${base}（${year}年修订）`;
    genre = GENRES.find((g) => base.endsWith(g)) ?? pick(rnd, GENRES);
  } else if (variant < 0.84) {
    title = `${base}（第${int(rnd, 1, 60)}号）`;
    genre = pick(rnd, ['公告', '通告', '决定']);
  } else {
    title = `关于贯彻落实《${base}》的实施意见`;
    genre = '意见';
  }
  const paragraphs: string[] = [];
  for (let k = int(rnd, 3, 15); k > 0; k--) paragraphs.push(pick(rnd, texts.paragraphs));
  const docNo = !interpretation && rnd() < 0.85 ? `${pick(rnd, org.prefixes)}〔${year}〕${int(rnd, 1, 150)}号` : null;
  const indexNo = rnd() < 0.6 ? `${org.code}/${year}-${String(int(rnd, 1, 99999)).padStart(5, '0')}` : null;
  const topic = rnd() < 0.8 ? pick(rnd, TOPICS) : null;
  const validity = interpretation ? null : weighted(rnd, VALIDITY);
  const id = `bench-${i}`;
  return {
    id,
    version: 1,
    orgId: org.id,
    orgPath: org.path,
    title,
    body: paragraphs.join('\n\n'),
    docNo,
    indexNo,
    topic,
    genre,
    year,
    validity,
    publishedAt,
    url: `/documents/${id}`,
    kind: interpretation ? 'interpretation' : 'document',
  };
}

// ------------------------------------------------------------------------------------------------- queries

export type BenchQuery = {
  /** What the user types. */
  q: string;
  /** The words a LIKE portal would AND together (the typed words; a pasted title is one word). */
  likeWords: string[];
  source: 'title' | 'title-words' | 'body-words';
  filter: 'none' | 'org' | 'year' | 'topic' | 'org+year';
  orgRoots?: string[];
  year?: number;
  topic?: string;
};

const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** What the benchmark asks the provider for a query: its first page of 20, with its filters. */
export const firstPage = (q: BenchQuery): SearchQuery => ({
  q: q.q,
  orgRoots: q.orgRoots,
  year: q.year,
  topic: q.topic,
  page: 1,
  size: 20,
});

/** `n` queries from real titles and phrases (1–4 words), about half of them with filters. */
export function makeQueries(texts: Texts, orgs: Org[], seed: number, n: number, stream = 1): BenchQuery[] {
  const jieba = Jieba.withDict(dict);
  const out: BenchQuery[] = [];
  const seen = new Set<string>();
  const wordsOf = (text: string) => jieba.cut(text, false).filter((w) => HAN_WORD.test(w));
  const counties = orgs.filter((o) => o.level === 'county');
  const leaf = orgs.filter((o) => o.level === 'department');
  for (let i = 0; out.length < n && i < n * 50; i++) {
    const rnd = prng(seedFor(seed, i, stream));
    const kind = rnd();
    let q: string;
    let likeWords: string[];
    let source: BenchQuery['source'];
    if (kind < 0.2) {
      const title = pick(rnd, texts.titles);
      if (title.length > 30) continue;
      q = title;
      likeWords = [title];
      source = 'title';
    } else {
      source = kind < 0.6 ? 'title-words' : 'body-words';
      const words = wordsOf(source === 'title-words' ? pick(rnd, texts.titles) : pick(rnd, texts.paragraphs));
      if (words.length === 0) continue;
      const count = Math.min(
        words.length,
        weighted(rnd, [
          [1, 30],
          [2, 35],
          [3, 20],
          [4, 15],
        ] as const),
      );
      // A run of neighbouring words, as people copy a phrase; duplicates dropped.
      const start = int(rnd, 0, words.length - count);
      likeWords = [...new Set(words.slice(start, start + count))];
      q = likeWords.join(' ');
    }
    const f = rnd();
    const query: BenchQuery = { q, likeWords, source, filter: 'none' };
    if (f < 0.45) query.filter = 'none';
    else if (f < 0.65) {
      query.filter = 'org';
      query.orgRoots = [pick(rnd, rnd() < 0.5 ? counties : leaf).path];
    } else if (f < 0.8) {
      query.filter = 'year';
      query.year = int(rnd, 2010, YEAR_MAX);
    } else if (f < 0.9) {
      query.filter = 'topic';
      query.topic = pick(rnd, TOPICS);
    } else {
      query.filter = 'org+year';
      query.orgRoots = [pick(rnd, counties).path];
      query.year = int(rnd, 2010, YEAR_MAX);
    }
    const key = JSON.stringify(query);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(query);
  }
  return out;
}
