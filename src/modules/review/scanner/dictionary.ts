// Administrator dictionaries (sensitive words, wrong expressions with their correct form) compiled into one automaton.
// compileDictionary returns a new immutable object: reloading means compiling again and swapping the reference.
import { AhoCorasick } from './aho-corasick.ts';
import type { Hit } from './detectors/hit.ts';
import type { CompiledDictionary, DictionaryEntry } from './types.ts';

class Compiled implements CompiledDictionary {
  readonly size: number;
  constructor(
    readonly entries: readonly DictionaryEntry[],
    readonly automaton: AhoCorasick,
  ) {
    this.size = entries.length;
    Object.freeze(this);
  }
}

/** Builds the automaton once; entries with an empty word are ignored. */
export function compileDictionary(entries: readonly DictionaryEntry[]): CompiledDictionary {
  const usable = entries.filter((e) => e.word.trim().length > 0).map((e) => Object.freeze({ ...e, word: e.word.trim() }));
  return new Compiled(Object.freeze(usable), new AhoCorasick(usable.map((e) => e.word)));
}

/**
 * Dictionary hits in `text`, leftmost-longest and non-overlapping (a longer entry hides the shorter ones inside it).
 */
export function matchDictionary(dictionary: CompiledDictionary, text: string): Hit[] {
  if (!(dictionary instanceof Compiled) || dictionary.size === 0) return [];
  const raw = dictionary.automaton.search(text);
  if (raw.length === 0) return [];
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: Hit[] = [];
  let lastEnd = -1;
  for (const m of raw) {
    if (m.start < lastEnd) continue;
    lastEnd = m.end;
    const entry = dictionary.entries[m.pattern]!;
    const word = text.slice(m.start, m.end);
    if (entry.kind === 'wrong') {
      const correct = entry.correct ?? '';
      hits.push({
        category: 'wrong_expression',
        severity: entry.severity ?? 'high',
        start: m.start,
        end: m.end,
        text: word,
        ruleId: `dictionary:${entry.id}`,
        suggestion: correct || undefined,
        replacement: correct || undefined,
        message: {
          zh: `表述错误：“${word}”${correct ? `应为“${correct}”` : ''}${entry.note ? `（${entry.note}）` : ''}`,
          en: `Wrong expression "${word}"${correct ? `; use "${correct}"` : ''}${entry.note ? ` (${entry.note})` : ''}`,
        },
      });
    } else {
      hits.push({
        category: 'sensitive_word',
        severity: entry.severity ?? 'high',
        start: m.start,
        end: m.end,
        text: word,
        ruleId: `dictionary:${entry.id}`,
        message: {
          zh: `敏感词“${word}”${entry.note ? `（${entry.note}）` : ''}`,
          en: `Sensitive word "${word}"${entry.note ? ` (${entry.note})` : ''}`,
        },
      });
    }
  }
  return hits;
}
