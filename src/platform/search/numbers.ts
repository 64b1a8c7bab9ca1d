// Lookup keys for 发文字号 and 索引号 (domain.md §5.2, §5.5), so a visitor who types a document number
// in any common spelling lands on the document. The same function is applied when indexing and when looking up.
import { normalise } from '../text/segment.ts';
import { normaliseDocNumber } from '../text/doc-number.ts';

// Spaces and invisible format characters (zero-width space, joiners) that scraped values carry.
const BLANKS = /[\s\p{Cf}]+/gu;

/**
 * 发文字号 as a lookup key: NFKC, lower case and simplified characters first (宜府辦發 = 宜府办发), then the
 * standard form of platform/text/doc-number.ts (`宜府办发[2023]05号` → `宜府办发〔2023〕5号`, orders as
 * `…令第N号`). Values that are not document numbers are kept, compacted. Null for empty input.
 */
export function normaliseDocNo(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = normalise(raw);
  return normaliseDocNumber(text) ?? (text.replace(BLANKS, '') || null);
}

/** 索引号 as a lookup key: NFKC, lower case, no spaces (`11441700007280420Y/2021-00050` keeps its shape). */
export function normaliseIndexNo(raw: string | null | undefined): string | null {
  if (!raw) return null;
  return raw.normalize('NFKC').toLowerCase().replace(BLANKS, '') || null;
}
