/** Content sniffing for uploads: what the bytes are, whatever the file name claims. */
import { looksLikeRawMessage } from './rawMessage';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SNIFF_BYTES = 8192;

export function isCompoundFile(bytes: Buffer): boolean {
  return bytes.length >= CFB_MAGIC.length && bytes.subarray(0, CFB_MAGIC.length).equals(CFB_MAGIC);
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

/** Text files have no NUL bytes and almost no control characters (tab, CR, LF, FF, ESC for ISO-2022-JP are fine). */
export function isBinary(bytes: Buffer): boolean {
  if (hasUtf16Bom(bytes)) return false;
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12 && byte !== 27) control += 1;
  }
  return control > sample.length / 100;
}

export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65536);
  const tags = head.match(/<\/?(?:html|body|div|table|tr|td|p|br|span|font|head|meta)\b/gi);
  return (tags?.length ?? 0) >= 2;
}

export function looksLikeEml(bytes: Buffer): boolean {
  return !isBinary(bytes) && looksLikeRawMessage(decodeText(bytes.subarray(0, 65536)));
}
