import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { ReadableStream as NodeReadableStream, WritableStream as NodeWritableStream } from 'node:stream/web';
import * as openpgp from 'openpgp';
import { ExportInterrupted, parseExportSource, runExport, type ExportResult } from '../export/index.js';
import { UsageError } from '../model/types.js';
import { escapeMarkdown } from '../report/escape.js';
import type { Settings } from '../config/settings.js';
import { failStep } from './fail-step.js';
import { actionsLogger } from './runner.js';
import { registerSecretsFromEnvironment } from '../model/mask.js';

// `mode: export`: fetch the source's exports through its API (credentials from the job's
// environment: AUTH0_* or CLERK_*), encrypt them with `passphrase` when given (gpg --symmetric
// compatible, which the `artifact:` input decrypts), and upload them as a workflow artifact that
// a later step, job or workflow reads with `users: artifact:NAME/users.ndjson.gz.gpg`.

/** The caller masked the job's credentials and read the settings (the passphrase is registered as a secret). */
export async function runExportMode(settings: Settings, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  core.setOutput('complete', 'false');
  try {
    const { passphrase } = settings;
    // The job's credentials (for the scrubber too, which masks the summary and the export's reports).
    registerSecretsFromEnvironment(env);
    const source = parseExportSource(settings.source);
    const artifactName = settings.exportArtifact;
    const outDir = settings.out || join(env.RUNNER_TEMP ?? tmpdir(), 'migrate-to-workos', 'export');

    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let result: ExportResult;
    try {
      result = await core.group(`Exporting from ${source === 'auth0' ? 'Auth0' : 'Clerk'}`, () =>
        runExport(source, outDir, {
          env,
          log: actionsLogger,
          signal: controller.signal,
          onSecret: (secret) => core.setSecret(secret),
        }),
      );
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }

    let files = [result.files.users, result.files.organizations];
    if (passphrase) {
      const encryptedDir = join(outDir, 'encrypted');
      await mkdir(encryptedDir, { recursive: true, mode: 0o700 });
      files = await Promise.all(
        files.map((file) => encryptFile(file, join(encryptedDir, `${basename(file)}.gpg`), passphrase)),
      );
    } else {
      core.warning(
        'No passphrase: the export artifact holds emails and names unencrypted, readable by anyone who may read ' +
          'this repository’s artifacts. Set passphrase to encrypt it.',
      );
    }
    const uploaded = await uploadExport(artifactName, files, env);
    const names = files.map((f) => basename(f));
    const { users, organizations, memberships } = result.counts;
    core.setOutput('users', JSON.stringify({ total: users }));
    core.setOutput('organizations', JSON.stringify({ total: organizations }));
    core.setOutput('memberships', JSON.stringify({ total: memberships }));
    core.setOutput('complete', 'true');
    if (uploaded) core.setOutput('export-artifact', uploaded);
    const inputs = uploaded ? names.map((n) => `artifact:${uploaded}/${n}`) : files;
    await core.summary
      .addHeading(`Export from ${source === 'auth0' ? 'Auth0' : 'Clerk'}`, 2)
      .addTable([
        [
          { data: 'Users', header: true },
          { data: 'Organizations', header: true },
          { data: 'Memberships', header: true },
        ],
        [String(users), String(organizations), String(memberships)],
      ])
      .addRaw(
        `\nNext step: \`users: ${escapeMarkdown(inputs[0]!)}\`, \`organizations: ${escapeMarkdown(inputs[1]!)}\`${passphrase ? ' with the same `passphrase`' : ''}.\n` +
          (source === 'clerk'
            ? '\nClerk’s Backend API returns no password digests: export the users from the Clerk dashboard (CSV) to move passwords.\n'
            : '\nAuth0’s API returns no password hashes: ask Auth0 support for the password export and pass it as `passwords`.\n'),
      )
      .write();
  } catch (error) {
    await failStep(
      'Export did not finish',
      error instanceof ExportInterrupted
        ? new UsageError('The export was cancelled; run it again in the same job to resume, or start over.')
        : error,
    );
  }
}

/** OpenPGP, symmetric (AES-256 from the passphrase), binary: what `gpg --symmetric` writes and `gpg -d` reads. */
async function encryptFile(source: string, target: string, passphrase: string): Promise<string> {
  const message = await openpgp.createMessage({
    binary: Readable.toWeb(createReadStream(source)) as NodeReadableStream<Uint8Array>,
  });
  const encrypted = await openpgp.encrypt({
    message,
    passwords: [passphrase],
    format: 'binary',
    config: { preferredSymmetricAlgorithm: openpgp.enums.symmetric.aes256 },
  });
  await (encrypted as unknown as NodeReadableStream<Uint8Array>).pipeTo(
    Writable.toWeb(createWriteStream(target, { mode: 0o600 })) as NodeWritableStream<Uint8Array>,
  );
  return target;
}

async function uploadExport(name: string, files: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    core.info(
      `Not inside GitHub Actions: the export files stay in ${files.map((f) => f.slice(0, f.lastIndexOf('/'))).at(0)}.`,
    );
    return undefined;
  }
  const root = files[0]!.slice(0, files[0]!.lastIndexOf('/'));
  // Short retention: the artifact holds personal data and is needed only until the import ran.
  await new DefaultArtifactClient().uploadArtifact(name, files, root, { retentionDays: 3 });
  core.info(`Export uploaded as the artifact ${name} (${files.length} files, kept 3 days).`);
  return name;
}
