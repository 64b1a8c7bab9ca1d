// The labelled evaluation set (issue 4 "Accuracy"): real government text from ../shared/data with planted synthetic
// identifiers and near-misses, and the precision/recall computation. Used by accuracy.test.ts; not shipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIVISION_CODES } from './division-codes.data.ts';
import { compileDictionary } from './dictionary.ts';
import { scanText } from './scan-text.ts';
import type { CompiledDictionary, FindingCategory } from './types.ts';
import { digits, luhnComplete, pick, randomBirth, rng, syntheticId, syntheticUscc, withWrongCheck } from './scanner.testkit.ts';
import { SHARED_DATA } from '../../../../test/support/shared-data.ts';

type Planted = { category: FindingCategory; text: string };
type Snippet = { text: string; planted: Planted[]; nearMiss?: string };
export type LabelledDoc = { text: string; planted: (Planted & { start: number; end: number })[]; nearMisses: number };

const AREA_CODES = DIVISION_CODES.split('\n')
  .map((l) => l.slice(0, 6))
  .filter((c) => /^\d{6}$/.test(c) && !c.endsWith('00'));

export const DICTIONARY_ENTRIES = [
  { id: 'w1', word: '国家发展计划委员会', kind: 'wrong' as const, correct: '国家发展和改革委员会' },
  { id: 'w2', word: '国家工商行政管理总局', kind: 'wrong' as const, correct: '国家市场监督管理总局' },
  { id: 'w3', word: '宜昌市政府办', kind: 'wrong' as const, correct: '宜昌市人民政府办公室' },
  { id: 's1', word: '某某敏感词甲', kind: 'sensitive' as const },
  { id: 's2', word: '某某敏感词乙', kind: 'sensitive' as const },
];

function positives(random: () => number): Snippet[] {
  const out: Snippet[] = [];
  const one = (category: FindingCategory, value: string, template: (v: string) => string) => out.push({ text: template(value), planted: [{ category, text: value }] });
  const id = () => syntheticId(pick(random, AREA_CODES), randomBirth(random), digits(random, 3));
  const mobile = () => `${pick(random, ['13', '15', '18', '19', '17'])}${pick(random, ['0', '1', '2', '6', '8'])}${digits(random, 8)}`;
  for (let i = 0; i < 200; i++) one('id_card', id(), pick(random, [(v) => `申请人身份证号码：${v}，`, (v) => `（${v}）`, (v) => `张某${v}男`, (v) => `证件号码 ${v}。`]));
  for (let i = 0; i < 30; i++) one('id_card_old', `${pick(random, AREA_CODES)}${randomBirth(random).slice(2)}${digits(random, 3)}`, (v) => `旧身份证${v}，`);
  for (let i = 0; i < 200; i++) {
    const m = mobile();
    const form = pick(random, [m, `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`, `+86 ${m}`, `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, `0086${m}`]);
    one('mobile', form, pick(random, [(v) => `联系电话：${v}。`, (v) => `手机${v}，`, (v) => `（联系人：李某，${v}）`]));
  }
  for (let i = 0; i < 40; i++) one('landline', `0717-${pick(random, ['6', '8', '3'])}${digits(random, 6)}`, (v) => `咨询电话：${v}。`);
  for (let i = 0; i < 40; i++) one('bank_card', luhnComplete(`62${digits(random, 14 + Math.floor(random() * 3))}`), (v) => `收款账号：${v}，`);
  for (let i = 0; i < 40; i++) one('email', `${pick(random, ['zhang', 'li', 'wang', 'liu'])}${digits(random, 4)}@${pick(random, ['qq.com', '163.com', 'example.com'])}`, (v) => `邮箱${v}；`);
  for (let i = 0; i < 30; i++) one('passport', `E${digits(random, 8)}`, (v) => `护照号码：${v}，`);
  for (let i = 0; i < 30; i++) one('travel_permit', `C${digits(random, 8)}`, (v) => `往来港澳通行证号码${v}，`);
  for (let i = 0; i < 30; i++) one('plate', `鄂E${digits(random, 5)}`, (v) => `车牌号为${v}的车辆`);
  for (let i = 0; i < 30; i++) {
    const v = `${1 + Math.floor(random() * 30)}栋${1 + Math.floor(random() * 4)}单元${100 + Math.floor(random() * 1800)}室`;
    one('address', v, (x) => `家住西陵区某某路${1 + Math.floor(random() * 200)}号${x}，`);
  }
  for (let i = 0; i < 30; i++) one('uscc_individual', syntheticUscc(`92420500MA${digits(random, 7)}`), (v) => `个体户统一社会信用代码${v}，`);
  for (const marking of ['秘密★1年', '机密★10年', '绝密★长期', '机密★', '工作秘密', '内部资料 注意保存', '【内部】']) {
    for (let i = 0; i < 4; i++) out.push({ text: `\n${marking}\n`, planted: [{ category: 'secret_marking', text: marking }] });
  }
  for (const e of DICTIONARY_ENTRIES) {
    for (let i = 0; i < 6; i++) out.push({ text: `经${e.word}研究，`, planted: [{ category: e.kind === 'wrong' ? 'wrong_expression' : 'sensitive_word', text: e.word }] });
  }
  return out;
}

function nearMisses(random: () => number): Snippet[] {
  const out: Snippet[] = [];
  const miss = (kind: string, text: string) => out.push({ text, planted: [], nearMiss: kind });
  for (let i = 0; i < 100; i++) miss('wrong check digit', `编号${withWrongCheck(syntheticId(pick(random, AREA_CODES), randomBirth(random), digits(random, 3)))}，`);
  for (let i = 0; i < 50; i++) {
    const bad = pick(random, ['19900230', '20011301', '19850431', '20990101', '19000229']);
    miss('impossible date', `流水号${syntheticId(pick(random, AREA_CODES), bad, digits(random, 3))}，`);
  }
  for (let i = 0; i < 60; i++) miss('statistics', `全年实现${pick(random, ['地区生产总值', '财政收入', '进出口总额'])}${digits(random, 1 + Math.floor(random() * 8))}${digits(random, 10)}元，`);
  for (let i = 0; i < 60; i++) miss('order number', `${pick(random, ['订单号', '快递单号', '编号', '流水号'])}：1${pick(random, ['3', '5', '8'])}${digits(random, 9)}，`);
  for (let i = 0; i < 40; i++) miss('phone-like long number', `批次1${pick(random, ['3', '8'])}${digits(random, 11)}，`);
  for (let i = 0; i < 60; i++) miss('发文字号', `根据宜府办发〔${2015 + Math.floor(random() * 10)}〕${1 + Math.floor(random() * 99)}号，`);
  for (let i = 0; i < 60; i++) {
    const gov = syntheticUscc(`114205000${digits(random, 8)}`);
    miss('索引号 with government USCC', `索引号：${gov}/${2015 + Math.floor(random() * 10)}-${digits(random, 5)}，`);
  }
  for (let i = 0; i < 30; i++) miss('enterprise USCC', `企业统一社会信用代码${syntheticUscc(`91420500MA${digits(random, 7)}`)}，`);
  for (let i = 0; i < 40; i++) {
    const card = luhnComplete(`62${digits(random, 15)}`);
    miss('card failing Luhn', `账号${card.slice(0, -1)}${(Number(card.at(-1)) + 1) % 10}，`);
  }
  for (let i = 0; i < 30; i++) miss('official e-mail', `电子邮箱：gk${digits(random, 3)}@yichang.gov.cn，`);
  for (let i = 0; i < 30; i++) miss('secrecy in running text', pick(random, ['严格保守国家秘密和工作秘密，', '不得泄露内部资料，', '涉及国家秘密的除外，', '属于内部管理信息的，']));
  for (let i = 0; i < 30; i++) miss('dates and hotlines', `${2015 + Math.floor(random() * 10)}年${1 + Math.floor(random() * 12)}月${1 + Math.floor(random() * 28)}日，拨打12345热线，`);
  for (let i = 0; i < 20; i++) miss('serial passport-like', `型号E${digits(random, 8)}，`);
  return out;
}

/** Real text: the 宜昌 work plan and the lawrefbook samples, as sentence-ending chunks. */
function realChunks(): string[] {
  const texts = [readFileSync(join(SHARED_DATA, 'seed/yichang-2023-zhengwu-gongkai-gongzuo-yaodian.txt'), 'utf8')];
  const dir = join(SHARED_DATA, 'corpus/lawrefbook-samples');
  for (const name of readdirSync(dir).sort()) texts.push(readFileSync(join(dir, name), 'utf8'));
  return texts.flatMap((t) => t.split(/(?<=。)/)).filter((s) => s.length > 0);
}

/** Documents of real text with every snippet inserted at a sentence boundary; offsets of planted items recorded. */
export function buildEvaluationSet(seed = 20261125): LabelledDoc[] {
  const random = rng(seed);
  const snippets = [...positives(random), ...nearMisses(random)];
  for (let i = snippets.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [snippets[i], snippets[j]] = [snippets[j]!, snippets[i]!];
  }
  const chunks = realChunks();
  const docs: LabelledDoc[] = [];
  let doc: LabelledDoc = { text: '', planted: [], nearMisses: 0 };
  let c = 0;
  snippets.forEach((s, i) => {
    for (let k = 0; k < 3; k++) doc.text += chunks[c++ % chunks.length];
    const at = doc.text.length;
    for (const p of s.planted) {
      const start = at + s.text.indexOf(p.text);
      doc.planted.push({ ...p, start, end: start + p.text.length });
    }
    if (s.nearMiss) doc.nearMisses++;
    doc.text += s.text;
    if (i % 20 === 19) {
      docs.push(doc);
      doc = { text: '', planted: [], nearMisses: 0 };
    }
  });
  if (doc.text) docs.push(doc);
  return docs;
}

export type CategoryScore = { category: FindingCategory; planted: number; found: number; truePositives: number; precision: number; recall: number };

/**
 * Scans the set and scores findings of severity medium and above (what a reviewer is asked to act on); low-severity
 * hints are counted separately. A finding is right when it overlaps a planted item of the same category.
 */
export function evaluate(docs: LabelledDoc[], dictionary: CompiledDictionary = compileDictionary(DICTIONARY_ENTRIES)) {
  const stats = new Map<FindingCategory, { planted: number; found: number; tp: number }>();
  const stat = (c: FindingCategory) => stats.get(c) ?? (stats.set(c, { planted: 0, found: 0, tp: 0 }).get(c)!);
  let hints = 0;
  let chars = 0;
  const falsePositives: string[] = [];
  const missed: string[] = [];
  for (const doc of docs) {
    chars += doc.text.length;
    const findings = scanText(doc.text, { dictionary });
    for (const p of doc.planted) stat(p.category).planted++;
    const hit = new Set<number>();
    for (const f of findings) {
      if (f.severity === 'low') {
        hints++;
        continue;
      }
      stat(f.category).found++;
      const match = doc.planted.findIndex((p) => p.category === f.category && f.start < p.end && p.start < f.end);
      if (match >= 0) {
        stat(f.category).tp++;
        hit.add(match);
      } else falsePositives.push(`${f.category}: ${doc.text.slice(Math.max(0, f.start - 8), f.end + 4)}`);
    }
    doc.planted.forEach((p, i) => {
      if (!hit.has(i)) missed.push(`${p.category}: ${p.text}`);
    });
  }
  const scores: CategoryScore[] = [...stats.entries()]
    .map(([category, s]) => ({ category, planted: s.planted, found: s.found, truePositives: s.tp, precision: s.found ? s.tp / s.found : 1, recall: s.planted ? s.tp / s.planted : 1 }))
    .sort((a, b) => b.planted - a.planted);
  const found = scores.reduce((n, s) => n + s.found, 0);
  const tp = scores.reduce((n, s) => n + s.truePositives, 0);
  const planted = scores.reduce((n, s) => n + s.planted, 0);
  return {
    scores,
    overall: { planted, found, truePositives: tp, precision: found ? tp / found : 1, recall: planted ? tp / planted : 1 },
    nearMisses: docs.reduce((n, d) => n + d.nearMisses, 0),
    hints,
    chars,
    documents: docs.length,
    falsePositives,
    missed,
  };
}

/** Unmodified real text (national and provincial 政府工作报告): every finding of medium severity or above is a false positive. */
export function scanCleanCorpus(dictionary: CompiledDictionary = compileDictionary(DICTIONARY_ENTRIES)): { chars: number; findings: string[] } {
  const texts = readFileSync(join(SHARED_DATA, 'reports/government_work_reports_1954-2025.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { content: string }).content);
  const dir = join(SHARED_DATA, 'reports/provincial-2026');
  for (const name of readdirSync(dir).sort()) texts.push(readFileSync(join(dir, name), 'utf8'));
  const findings: string[] = [];
  let chars = 0;
  for (const t of texts) {
    chars += t.length;
    for (const f of scanText(t, { dictionary })) if (f.severity !== 'low') findings.push(`${f.category}: ${t.slice(Math.max(0, f.start - 8), f.end + 4)}`);
  }
  return { chars, findings };
}
