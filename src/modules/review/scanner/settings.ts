// Scanner settings from the configuration (GONGKAI_SCAN_*), parsed once.
import type { MaskingRules } from './types.ts';

export const list = (raw: string): string[] =>
  raw
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** `id_card=6+4,mobile=3+4` → masking rules. */
export function parseMaskingSetting(raw: string): MaskingRules {
  const rules: MaskingRules = {};
  for (const part of list(raw.replace(/\s*([=+])\s*/g, '$1'))) {
    const m = /^([a-z_]+)=(\d+)\+(\d+)$/.exec(part);
    if (m) rules[m[1]!] = { keepStart: Number(m[2]), keepEnd: Number(m[3]) };
  }
  return rules;
}

/** Options of scanRoutes (and defaults of any scan) from the configuration. */
export function scanSettings(config: {
  scanRateLimit: number;
  scanEmailDomains: string;
  scanAllowedPhones: string;
  scanMasking: string;
  attachmentMaxMb: number;
}): { rateLimit: number; allowEmailDomains: string[]; allowPhones: string[]; masking: MaskingRules; maxBytes: number } {
  return {
    rateLimit: config.scanRateLimit,
    allowEmailDomains: list(config.scanEmailDomains),
    allowPhones: list(config.scanAllowedPhones),
    masking: parseMaskingSetting(config.scanMasking),
    maxBytes: config.attachmentMaxMb * 1_048_576,
  };
}
