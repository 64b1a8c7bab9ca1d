// Synthetic identifiers for tests and the accuracy set, computed at run time with the check-digit rules (never stored:
// a computed number could belong to a real person, domain.md §8.1).
import { usccCheckChar } from '../../../platform/text/identifiers.ts';
import { idCheckChar, passesLuhn } from './checks.ts';

/** A small deterministic PRNG (mulberry32) so the evaluation set is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function digits(random: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(random() * 10);
  return s;
}

/** 18-digit ID with a valid check character. */
export function syntheticId(areaCode: string, birth: string, seq: string): string {
  const first17 = areaCode + birth + seq;
  return first17 + idCheckChar(first17)!;
}

/** The same ID with a wrong check character. */
export function withWrongCheck(id: string): string {
  const chars = '0123456789X'.split('').filter((c) => c !== id[17]);
  return id.slice(0, 17) + chars[0];
}

export function luhnComplete(prefix: string): string {
  for (let d = 0; d < 10; d++) if (passesLuhn(prefix + d)) return prefix + d;
  throw new Error('unreachable');
}

export function syntheticUscc(first17: string): string {
  return first17 + usccCheckChar(first17)!;
}

export function randomBirth(random: () => number): string {
  const y = 1940 + Math.floor(random() * 65);
  const m = 1 + Math.floor(random() * 12);
  const d = 1 + Math.floor(random() * 28);
  return `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}
