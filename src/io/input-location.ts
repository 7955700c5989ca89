import type { Stats } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from '../model/types.js';
import { notRegularFile } from './file-kind.js';
import {
  artifactFile,
  forgetArtifactDownloads,
  parseArtifactSpec,
  type ArtifactSource,
} from './input-location/artifact.js';
import {
  CONTENT_HEAD_BYTES,
  decodeBase64Export,
  detectContentKind,
  encryptionFromName,
} from './input-location/content-kind.js';
import { decryptFile, type Encryption } from './input-location/decrypt.js';
import { privatePath, removePrivateDir, writePrivateFile } from './input-location/private-dir.js';

export interface InputContext {
  passphrase?: string;
  /** Where decrypted/decoded content may be written (RUNNER_TEMP in the action, a mkdtemp dir in the CLI); files are created 0600 and removed by cleanup(). */
  tempDir: string;
  env?: NodeJS.ProcessEnv;
  /** Where `artifact:` inputs come from (GitHub's, in the action and the CLI); without it they are refused. */
  artifacts?: ArtifactSource;
}

export interface ResolvedInput {
  /** A file for `openByteStream`: the user's own path, or one in a private dir under `tempDir`. */
  path: string;
  /** What the user named, safe to print: never the env value or passphrase. */
  label: string;
  /** For artifacts, which one was read (`artifact "auth0-export" of run 5003`), for the log. */
  from?: string;
}

const ENV_PREFIX = 'env:';
const ARTIFACT_PREFIX = 'artifact:';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Turns what a user wrote for `users`, `passwords` or `organizations` into a readable file:
 * a repository path as is; `env:NAME` (a secret, plain or base64, maybe gzip) written to a
 * private file; `artifact:NAME[/path]` downloaded from this workflow's newest run that has it.
 * Whatever the bytes came from, an OpenPGP (`gpg --symmetric`) or age (`age --passphrase`)
 * file is decrypted with the passphrase. Gzip is left to `openByteStream`.
 *
 * Every problem is a `UsageError` naming the input as written, never a secret's value.
 */
export async function resolveInputLocation(spec: string, ctx: InputContext): Promise<ResolvedInput> {
  const label = spec.trim();
  if (label === '') throw new UsageError('an input location is blank: give a path, env:NAME or artifact:NAME.');

  if (label.startsWith(ENV_PREFIX)) {
    const name = label.slice(ENV_PREFIX.length).trim();
    const written = await writeEnvValue(label, name, ctx);
    let resolved: ResolvedInput | undefined;
    try {
      resolved = await decryptIfEncrypted({ path: written, label }, `env-${name}`, ctx);
      return resolved;
    } finally {
      // Once decrypted (or when decryption failed) the copy of the secret is of no further use.
      if (resolved?.path !== written) await rm(written, { force: true });
    }
  }

  if (label.startsWith(ARTIFACT_PREFIX)) {
    const location = parseArtifactSpec(label, label.slice(ARTIFACT_PREFIX.length));
    const file = await artifactFile(location, ctx.tempDir, ctx.artifacts);
    const resolved = await decryptIfEncrypted({ path: file.path, label }, basename(file.path), ctx);
    return { ...resolved, from: file.from };
  }

  await checkPath(label);
  return decryptIfEncrypted({ path: label, label }, basename(label), ctx);
}

/** Removes every file `resolveInputLocation` wrote under `ctx.tempDir`. */
export async function cleanupInputs(ctx: InputContext): Promise<void> {
  const removed = await removePrivateDir(ctx.tempDir);
  if (removed !== undefined) forgetArtifactDownloads(removed);
}

async function writeEnvValue(label: string, name: string, ctx: InputContext): Promise<string> {
  if (!ENV_NAME.test(name)) {
    throw new UsageError(
      `${label}: name an environment variable after env: (letters, digits and _, e.g. env:AUTH0_USERS).`,
    );
  }
  const value = (ctx.env ?? process.env)[name];
  if (value === undefined) {
    throw new UsageError(`${label} is not set: pass the secret to the step with env: or use a file path.`);
  }
  if (value.trim() === '') {
    // A missing secret reaches the step as an empty string, and forks' pull requests get no secrets at all.
    throw new UsageError(
      `${label} is empty: check that the secret exists and is passed to the step with env: (pull requests from forks get no secrets).`,
    );
  }
  const path = await privatePath(ctx.tempDir, `env-${name}`);
  await writePrivateFile(path, decodeBase64Export(value) ?? Buffer.from(value, 'utf8'));
  return path;
}

async function checkPath(path: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const prefix = /^([A-Za-z][A-Za-z0-9+-]+):/.exec(path)?.[1];
      const hint = prefix
        ? ` (only env:NAME and artifact:NAME are read from elsewhere; "${prefix}:" is taken as part of a path)`
        : '';
      throw new UsageError(
        `${path}: file not found; check the path (relative paths start at the working directory)${hint}.`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM')
      throw new UsageError(`${path}: permission denied; make the file readable by this user.`);
    throw new UsageError(`${path}: the file cannot be read (${String(code ?? 'unknown error')}).`, { cause: error });
  }
  const kind = notRegularFile(info);
  if (kind)
    throw new UsageError(
      `${path}: is ${kind}, not a file; name the export file itself (save a stream to a file first).`,
    );
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(CONTENT_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function encryptionOf(path: string, name: string): Promise<Encryption | undefined> {
  let head: Buffer;
  try {
    head = await readHead(path);
  } catch {
    // Unreadable files get openByteStream's message, which names the problem.
    return undefined;
  }
  if (head.length === 0) return undefined;
  const kind = detectContentKind(head);
  switch (kind) {
    case 'openpgp':
    case 'openpgp-armored':
    case 'age':
    case 'age-armored':
      return kind;
    case 'unknown':
      return encryptionFromName(name);
    default:
      return undefined;
  }
}

/** The decrypted file's name: the encrypted one's without `.gpg`/`.pgp`/`.age`/`.asc`. */
function plainName(name: string): string {
  return name.replace(/(\.(gpg|pgp|age|asc))+$/i, '') || 'decrypted';
}

async function decryptIfEncrypted(input: ResolvedInput, name: string, ctx: InputContext): Promise<ResolvedInput> {
  const encryption = await encryptionOf(input.path, name);
  if (encryption === undefined) return input;
  const how = encryption.startsWith('openpgp') ? 'OpenPGP (gpg)' : 'age';
  if (!ctx.passphrase) {
    throw new UsageError(
      `${input.label} is encrypted with ${how} but no passphrase was given: pass the passphrase it was encrypted with.`,
    );
  }
  const target = await privatePath(ctx.tempDir, plainName(name));
  await decryptFile({ source: input.path, encryption, passphrase: ctx.passphrase, target, label: input.label });
  return { ...input, path: target };
}

/**
 * A reader's error names the file it read; for `env:` secrets, artifacts and decrypted files
 * that is a private temp path. This puts back what the user wrote (`env:AUTH0_USERS`).
 */
export function relabelError(error: unknown, labels: ReadonlyMap<string, string> | undefined): unknown {
  if (!(error instanceof UsageError) || !labels) return error;
  let message = error.message;
  for (const [path, label] of labels) if (path !== label) message = message.split(path).join(label);
  return message === error.message ? error : new UsageError(message, { cause: error });
}
