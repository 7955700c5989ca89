/**
 * What an input's first bytes say it is. Content decides before the name does: people rename
 * files (`users.json` that is really `gpg` output, a `.gpg` that was decrypted in place), and
 * secrets passed through `env:` have no name at all.
 */
export type ContentKind =
  /** Binary OpenPGP starting with a session key packet: `gpg --symmetric` output (or a public-key one). */
  | 'openpgp'
  /** `gpg --armor`: `-----BEGIN PGP MESSAGE-----`. */
  | 'openpgp-armored'
  /** `age-encryption.org/v1` header. */
  | 'age'
  /** `age --armor`: `-----BEGIN AGE ENCRYPTED FILE-----`. */
  | 'age-armored'
  | 'gzip'
  /** Printable text: JSON, NDJSON or CSV as exported. */
  | 'text'
  | 'unknown';

/** Enough bytes to tell the kinds apart (the longest marker plus leading blank space). */
export const CONTENT_HEAD_BYTES = 512;

const PGP_ARMOR = '-----BEGIN PGP MESSAGE-----';
const AGE_ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----';
const AGE_HEADER = 'age-encryption.org/v1\n';

const PACKET_TAG_PKESK = 1;
const PACKET_TAG_SKESK = 3;

export function detectContentKind(head: Uint8Array): ContentKind {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.subarray(0, AGE_HEADER.length).toString('latin1') === AGE_HEADER) return 'age';
  if (startsOpenPgpSessionKeyPacket(bytes)) return 'openpgp';

  const text = stripBomAndBlank(bytes.toString('latin1'));
  if (text.startsWith(PGP_ARMOR)) return 'openpgp-armored';
  if (text.startsWith(AGE_ARMOR)) return 'age-armored';
  return looksLikeText(bytes) ? 'text' : 'unknown';
}

/** The kind a file name promises, for content too odd to recognise. */
export function encryptionFromName(name: string): 'openpgp' | 'age' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.gpg') || lower.endsWith('.pgp')) return 'openpgp';
  if (lower.endsWith('.age')) return 'age';
  return undefined;
}

/**
 * An encrypted message begins with a session key packet: SKESK (tag 3, versions 4–6) for a
 * passphrase, PKESK (tag 1, versions 3 and 6) for a public key. Checking the version byte too
 * keeps UTF-8 text out: `0xC3` is both a new-format tag 3 header and the lead byte of `é`.
 */
function startsOpenPgpSessionKeyPacket(bytes: Buffer): boolean {
  const first = bytes[0];
  if (first === undefined || (first & 0x80) === 0) return false;
  let tag: number;
  let headerLength: number;
  if ((first & 0x40) !== 0) {
    tag = first & 0x3f;
    const length = bytes[1];
    if (length === undefined) return false;
    headerLength = 1 + (length < 192 ? 1 : length < 224 ? 2 : length === 255 ? 5 : 1);
  } else {
    tag = (first & 0x3c) >> 2;
    headerLength = 1 + [1, 2, 4, 0][first & 0x03]!;
  }
  const version = bytes[headerLength];
  if (tag === PACKET_TAG_SKESK) return version === 4 || version === 5 || version === 6;
  if (tag === PACKET_TAG_PKESK) return version === 3 || version === 6;
  return false;
}

function stripBomAndBlank(latin1: string): string {
  return latin1.replace(/^(\xef\xbb\xbf)?\s*/, '');
}

/** No control bytes other than tab, CR and LF; bytes ≥ 0x80 pass (UTF-8 names, a BOM). */
function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

const BASE64_VALUE = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

/**
 * The bytes a base64-encoded secret stands for, or undefined when the value is not base64 of
 * an export. GitHub secrets hold text only, so a `.gz` or `.gpg` file is put there as
 * `base64 -w0 users.json.gz`; and a short plain value can happen to use only base64's
 * alphabet, so the decoded bytes must look like something we read: gzip, an encrypted file,
 * or JSON/CSV text.
 */
export function decodeBase64Export(value: string): Buffer | undefined {
  if (!BASE64_VALUE.test(value)) return undefined;
  const compact = value.replace(/\s+/g, '');
  if (compact.length < 4 || compact.replace(/=+$/, '').length % 4 === 1) return undefined;
  const bytes = Buffer.from(compact, 'base64');
  const kind = detectContentKind(bytes.subarray(0, CONTENT_HEAD_BYTES));
  if (kind === 'text') return looksLikeExportText(bytes) ? bytes : undefined;
  return kind === 'unknown' ? undefined : bytes;
}

/** JSON (`{`, `[`) or a CSV header line, in valid UTF-8. */
function looksLikeExportText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  const start = text.replace(/^\ufeff?\s*/, '');
  if (start.startsWith('{') || start.startsWith('[')) return true;
  const firstLine = start.split('\n', 1)[0] ?? '';
  return firstLine.includes(',');
}
