/**
 * The bytes of an uploaded CSV as text. Staff export from Excel, Numbers, Google Sheets or a
 * CRM: most write UTF-8 (Excel's "CSV UTF-8" adds a byte-order mark), but Excel on Windows in
 * Quebec still writes "CSV (séparateur : point-virgule)" in windows-1252. A file that is valid
 * UTF-8 is read as UTF-8; anything else as windows-1252, which can decode every byte.
 *
 * windows-1252 is decoded by hand rather than with `new TextDecoder('windows-1252')`: Node 20
 * decodes that label as ISO-8859-1 (0x92 comes out as U+0092, not ’), and workerd need not
 * know the label at all. The table below is the whole difference from latin-1.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252';

/** 0x80–0x9F in windows-1252; the five bytes it leaves undefined keep their latin-1 code point. */
const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: the mark was removed above; a second one would be content, and is kept as such.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8' };
  } catch {
    // A BOM followed by invalid UTF-8 is a damaged file; windows-1252 still shows what it can.
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

/** Every byte maps to one UTF-16 code unit, so the text is built in chunks without a decoder. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunkSize = 8192;
  const parts: string[] = [];
  const codes = new Uint16Array(Math.min(chunkSize, bytes.length));
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const end = Math.min(start + chunkSize, bytes.length);
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return parts.join('');
}
