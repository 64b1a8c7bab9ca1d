// A dictionary from a plain file (CLI `--dictionary`): one sensitive word a line, or `word,correct` for a wrong expression.
import type { DictionaryEntry } from './types.ts';

export function parseDictionaryFile(text: string): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith('#')) return;
    const comma = line.search(/[,，\t]/);
    if (comma > 0) {
      const word = line.slice(0, comma).trim();
      const correct = line.slice(comma + 1).trim();
      if (word) entries.push({ id: `line${i + 1}`, word, kind: correct ? 'wrong' : 'sensitive', correct: correct || null });
    } else entries.push({ id: `line${i + 1}`, word: line, kind: 'sensitive' });
  });
  return entries;
}
