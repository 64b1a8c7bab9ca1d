// 信息处理费 (国办函〔2020〕109号, domain.md §1.8): a pure, progressive (超额累进) calculator. Per request (按件):
// the applicant's requests in one calendar month; per volume (按量): the pages of one application. One method per
// request, never both. The bands are configurable (GONGKAI_REQUEST_FEE_BANDS) because parts of §1.8 are [S]/[U].

/** A band starting at unit `from` (1-based); each unit costs `fen`, rising by `stepFen` every `stepEvery` units. */
export interface FeeBand {
  from: number;
  fen: number;
  stepEvery?: number;
  stepFen?: number;
}

export interface FeeBands {
  perRequest: FeeBand[];
  perVolume: FeeBand[];
}

export const defaultFeeBands: FeeBands = {
  // 1–10 free; 11–30 100 元; 31–40 200 元, 41–50 300 元, … (bands of 10, +100 元 each).
  perRequest: [
    { from: 1, fen: 0 },
    { from: 11, fen: 10_000 },
    { from: 31, fen: 20_000, stepEvery: 10, stepFen: 10_000 },
  ],
  // 1–30 pages free; 31–100 10 元/page; 101–200 20 元/page; 201+ 40 元/page.
  perVolume: [
    { from: 1, fen: 0 },
    { from: 31, fen: 1_000 },
    { from: 101, fen: 2_000 },
    { from: 201, fen: 4_000 },
  ],
};

export type FeeMethod = 'per_request' | 'per_volume';

export type FeeInput =
  /** `before`: the applicant's requests already counted this calendar month; `count`: units in this application. */
  | { method: 'per_request'; before: number; count: number }
  | { method: 'per_volume'; pages: number };

export interface FeeLine {
  fromUnit: number;
  toUnit: number;
  fenPerUnit: number;
  fen: number;
}

export interface FeeQuote {
  method: FeeMethod;
  amountFen: number;
  lines: FeeLine[];
  /** One line in Chinese on how the amount was computed. */
  explanation: string;
}

/** The rate of unit `i` (1-based) under `bands`. */
export function unitRate(bands: readonly FeeBand[], i: number): number {
  let band: FeeBand | undefined;
  for (const b of bands) if (b.from <= i) band = b;
  if (!band) return 0;
  const steps = band.stepEvery ? Math.floor((i - band.from) / band.stepEvery) : 0;
  return band.fen + steps * (band.stepFen ?? 0);
}

function charge(bands: readonly FeeBand[], first: number, last: number): FeeLine[] {
  const lines: FeeLine[] = [];
  for (let i = first; i <= last; i += 1) {
    const rate = unitRate(bands, i);
    const prev = lines.at(-1);
    if (prev && prev.fenPerUnit === rate && prev.toUnit === i - 1) {
      prev.toUnit = i;
      prev.fen += rate;
    } else lines.push({ fromUnit: i, toUnit: i, fenPerUnit: rate, fen: rate });
  }
  return lines;
}

export const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** The fee for one application. Throws RangeError on impossible input (the service turns it into a 400). */
export function computeFee(input: FeeInput, bands: FeeBands = defaultFeeBands): FeeQuote {
  if (input.method === 'per_request') {
    if (!Number.isInteger(input.before) || input.before < 0 || !Number.isInteger(input.count) || input.count < 1 || input.count > 10_000) throw new RangeError('count');
    const lines = charge(bands.perRequest, input.before + 1, input.before + input.count);
    const amountFen = lines.reduce((s, l) => s + l.fen, 0);
    return {
      method: 'per_request',
      amountFen,
      lines,
      explanation: `按件计收：本月第 ${input.before + 1}–${input.before + input.count} 件，${lines.map((l) => `${l.fromUnit}–${l.toUnit} 件每件 ${yuan(l.fenPerUnit)} 元`).join('，')}，合计 ${yuan(amountFen)} 元`,
    };
  }
  if (!Number.isInteger(input.pages) || input.pages < 1 || input.pages > 1_000_000) throw new RangeError('pages');
  const lines = charge(bands.perVolume, 1, input.pages);
  const amountFen = lines.reduce((s, l) => s + l.fen, 0);
  return {
    method: 'per_volume',
    amountFen,
    lines,
    explanation: `按量计收：共 ${input.pages} 页，${lines.map((l) => `第 ${l.fromUnit}–${l.toUnit} 页每页 ${yuan(l.fenPerUnit)} 元`).join('，')}，合计 ${yuan(amountFen)} 元`,
  };
}

/** Parses GONGKAI_REQUEST_FEE_BANDS (JSON `{perRequest: FeeBand[], perVolume: FeeBand[]}`); throws with a Chinese reason. */
export function parseFeeBands(raw: string): FeeBands {
  const fail = (why: string) => {
    throw new Error(`信息处理费分档设置有误：${why}`);
  };
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return fail('不是有效的 JSON');
  }
  const check = (name: string, list: unknown): FeeBand[] => {
    if (!Array.isArray(list) || list.length === 0) return fail(`${name} 应为非空数组`);
    let last = 0;
    return list.map((b: Record<string, unknown>) => {
      const ok = (x: unknown) => x === undefined || (Number.isInteger(x) && (x as number) >= 0);
      if (!Number.isInteger(b?.from) || (b.from as number) <= last || !ok(b.fen) || b.fen === undefined || !ok(b.stepEvery) || !ok(b.stepFen) || b.stepEvery === 0) return fail(`${name} 的各档须有递增的 from（件/页）与非负整数 fen（分）`);
      last = b.from as number;
      return { from: b.from as number, fen: b.fen as number, ...(b.stepEvery ? { stepEvery: b.stepEvery as number, stepFen: (b.stepFen as number) ?? 0 } : {}) };
    });
  };
  const o = v as Record<string, unknown>;
  const bands = { perRequest: check('perRequest', o?.perRequest), perVolume: check('perVolume', o?.perVolume) };
  if (bands.perRequest[0]!.from !== 1 || bands.perVolume[0]!.from !== 1) fail('第一档须从 1 开始');
  return bands;
}
