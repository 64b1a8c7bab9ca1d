// Text decoding for uploaded and imported files: UTF-8 first, then GB18030 (a superset of GBK and GB2312,
// still common for files saved by Chinese Windows tools), UTF-16 only with a byte-order mark.

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Decodes bytes as text: BOM first, then strict UTF-8, else GB18030. The BOM is removed. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** True when the bytes look like text: no NUL bytes (without a UTF-16 BOM) and almost no undecodable or control characters. */
export function looksLikeText(bytes: Uint8Array, sampleBytes = 64 * 1024): boolean {
  const sample = bytes.subarray(0, sampleBytes);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!utf16 && sample.includes(0)) return false;
  // Decoding a prefix may cut a multi-byte character in two: allow a few replacement characters.
  const { text } = decodeText(sample);
  let bad = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c)) bad++;
  }
  return bad <= 2 + text.length / 200;
}
