// Checks for official identifiers (domain.md §8.3, §3.5). Pure functions, shared by forms and the scanner.

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100-2015 check character for the first 17 characters, or null if one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** 统一社会信用代码: 18 characters of the 31-character alphabet, digits at positions 3–8, valid check character. */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

/** Division codes: 6 digits (province to county), 9 (township/street) or 12 (village/community). */
export function isValidDivisionCode(code: string): boolean {
  return /^[1-9]\d{5}(\d{3}(\d{3})?)?$/.test(code);
}

/** 网站标识码: 10 digits (division + sequence) or bm + 8 digits for central departments. */
export function isValidSiteCode(code: string): boolean {
  return /^(\d{10}|bm\d{8})$/.test(code);
}
