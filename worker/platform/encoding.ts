/** Byte encodings shared by passwords, session tokens and mail; WebCrypto gives bytes, storage wants text. */

/** Standard base64, padded. Chunked: spreading a large array into one call overflows the stack. */
export function bytesToBase64(bytes: Uint8Array | number[]): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.slice(i, i + slice));
  }
  return btoa(binary);
}

/** base64url without padding (RFC 4648 §5), for cookies and Gmail's `raw`. */
export const bytesToBase64Url = (bytes: Uint8Array | number[]): string =>
  bytesToBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

export const base64ToBytes = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

export const bytesToHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
