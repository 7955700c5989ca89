import { createReadStream } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
// Loaded when a file is encrypted: openpgp alone is a large share of the bundle's parse time.
import type * as openpgp from 'openpgp';
import { UsageError } from '../../model/types.js';
import { createPrivateFile } from './private-dir.js';

export type Encryption = 'openpgp' | 'openpgp-armored' | 'age' | 'age-armored';

export interface DecryptRequest {
  /** The encrypted file (a repository path, or a file we wrote or downloaded). */
  source: string;
  encryption: Encryption;
  passphrase: string;
  /** A path in the private dir; created 0600, removed again when decryption fails. */
  target: string;
  /** The input as the user wrote it, for messages. */
  label: string;
}

/**
 * Decrypts a passphrase-encrypted file into `target`, streaming, so a large export never sits
 * in memory. Plaintext goes nowhere but `target`, and `target` exists afterwards only when the
 * whole file decrypted and authenticated.
 */
export async function decryptFile(request: DecryptRequest): Promise<void> {
  try {
    if (request.encryption === 'openpgp' || request.encryption === 'openpgp-armored') await decryptOpenPgp(request);
    else await decryptAge(request);
  } catch (error) {
    await rm(request.target, { force: true });
    throw error;
  }
}

function wrongPassphrase(label: string, kind: string, cause: unknown): UsageError {
  return new UsageError(
    `could not decrypt ${label}: wrong passphrase or not a symmetrically encrypted file; check the passphrase and that the file was made with ${kind}.`,
    { cause },
  );
}

async function decryptOpenPgp(request: DecryptRequest): Promise<void> {
  const { source, passphrase, target, label } = request;
  const how = 'gpg --symmetric';
  const openpgp = await import('openpgp');
  const bytes = Readable.toWeb(createReadStream(source)) as NodeReadableStream<Uint8Array>;
  let message: openpgp.Message<openpgp.Stream<Uint8Array>> | openpgp.Message<openpgp.Stream<string>>;
  try {
    message =
      request.encryption === 'openpgp-armored'
        ? await openpgp.readMessage({ armoredMessage: bytes.pipeThrough(new TextDecoderStream()) })
        : await openpgp.readMessage({ binaryMessage: bytes });
  } catch (error) {
    throw wrongPassphrase(label, how, error);
  }
  const passphraseKeys = message.packets.filterByTag(openpgp.enums.packet.symEncryptedSessionKey);
  const publicKeys = message.packets.filterByTag(openpgp.enums.packet.publicKeyEncryptedSessionKey);
  if (passphraseKeys.length === 0 && publicKeys.length > 0) {
    throw new UsageError(
      `could not decrypt ${label}: it is encrypted to an OpenPGP public key, not with a passphrase; encrypt it with gpg --symmetric --cipher-algo AES256 and pass the passphrase.`,
    );
  }

  let plaintext: openpgp.WebStream<Uint8Array> | openpgp.NodeWebStream<Uint8Array>;
  try {
    const result = await openpgp.decrypt({
      message,
      passwords: [passphrase],
      format: 'binary',
      // gpg (before 2.3) writes SEIPDv1, whose integrity check sits at the very end; without this,
      // openpgp.js holds the whole file in memory to check it first. Releasing early is safe here
      // because the plaintext only reaches our own 0600 file, which is deleted if the check fails.
      config: { allowUnauthenticatedStream: true },
    });
    plaintext = result.data;
  } catch (error) {
    throw wrongPassphrase(label, how, error);
  }
  try {
    await writeStreamTo(plaintext as NodeReadableStream<Uint8Array>, target);
  } catch (error) {
    throw wrongPassphrase(label, how, error);
  }
}

async function decryptAge(request: DecryptRequest): Promise<void> {
  const { source, passphrase, target, label } = request;
  const how = 'age --passphrase';
  const { armor: ageArmor, Decrypter: AgeDecrypter } = await import('age-encryption');
  let encrypted: NodeReadableStream<Uint8Array>;
  let head: string;
  if (request.encryption === 'age-armored') {
    let binary: Uint8Array;
    try {
      // Armor is for small files (a secret, a pasted block): reading it whole is fine.
      binary = ageArmor.decode(await readFile(source, 'utf8'));
    } catch (error) {
      throw wrongPassphrase(label, how, error);
    }
    head = Buffer.from(binary.subarray(0, 512)).toString('latin1');
    encrypted = Readable.toWeb(Readable.from([binary])) as NodeReadableStream<Uint8Array>;
  } else {
    head = await readHead(source, 512);
    encrypted = Readable.toWeb(createReadStream(source)) as NodeReadableStream<Uint8Array>;
  }

  const recipient = /^-> (\S+)/m.exec(head)?.[1];
  if (recipient !== undefined && recipient !== 'scrypt') {
    throw new UsageError(
      `could not decrypt ${label}: it is encrypted to an age key (${recipient}), not with a passphrase; encrypt it with age --passphrase and pass the passphrase.`,
    );
  }

  const decrypter = new AgeDecrypter();
  decrypter.addPassphrase(passphrase);
  let plaintext: ReadableStream<Uint8Array>;
  try {
    // The header (and with it the passphrase) is checked before this resolves.
    plaintext = await decrypter.decrypt(encrypted as unknown as ReadableStream<Uint8Array>);
  } catch (error) {
    throw wrongPassphrase(label, how, error);
  }
  try {
    await writeStreamTo(plaintext as unknown as NodeReadableStream<Uint8Array>, target);
  } catch (error) {
    throw new UsageError(
      `could not decrypt ${label}: the passphrase is right but the file is damaged or truncated; copy or download it again.`,
      {
        cause: error,
      },
    );
  }
}

async function readHead(path: string, length: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

async function writeStreamTo(stream: NodeReadableStream<Uint8Array>, target: string): Promise<void> {
  const handle = await createPrivateFile(target);
  await pipeline(Readable.fromWeb(stream), handle.createWriteStream());
}
