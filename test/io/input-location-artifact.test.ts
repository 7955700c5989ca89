import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as openpgp from 'openpgp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as InputLocation from '../../src/io/input-location.js';
import { UsageError } from '../../src/model/types.js';
import { startFakeGitHub, type FakeGitHub, type NewRunOptions } from '../fakes/github.js';
import { stubActionsEnv } from '../support/state-fixtures.js';
import { tempDirForFile } from '../support/temp-dir.js';

const USERS = '{"user_id":"auth0|1","email":"ada@example.com"}\n';
const PASSWORDS = '{"_id":{"$oid":"1"},"email":"ada@example.com","passwordHash":"$2b$10$abcdefghijklmnopqrstuu"}\n';
const PASSPHRASE = 'artifact passphrase 42';

let fake: FakeGitHub;
let inputs: typeof InputLocation;
let github: typeof import('../../src/github/artifact-download.js');
let artifactClient: typeof import('@actions/artifact');
let names = 0;
const contexts: InputLocation.InputContext[] = [];

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.newRun();
  // @actions/github reads GITHUB_API_URL once, when imported, and @actions/artifact downloads through it.
  stubActionsEnv(fake);
  inputs = await import('../../src/io/input-location.js');
  github = await import('../../src/github/artifact-download.js');
  artifactClient = await import('@actions/artifact');
});
afterAll(() => fake.close());
beforeEach(() => {
  stubActionsEnv(fake);
  // @actions/artifact narrates every step on stdout; the assertions say what matters.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  for (const ctx of contexts.splice(0)) await inputs.cleanupInputs(ctx);
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A fresh artifact name per test: the fake is shared by the whole file. */
function artifactName(): string {
  return `auth0-export-t${++names}`;
}

/** Starts a run the way the runner would: its id and runtime token in the step's env. */
function startRun(options: NewRunOptions = {}): number {
  const run = fake.newRun(options);
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', run.runtimeToken);
  vi.stubEnv('GITHUB_RUN_ID', String(run.runId));
  return run.runId;
}

/** Uploads files (path in artifact → content) as the current run, like actions/upload-artifact. */
async function upload(name: string, files: Record<string, string | Buffer>): Promise<void> {
  const root = tempDirForFile('artifact-upload-');
  const paths = Object.entries(files).map(([path, content]) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    return join(root, path);
  });
  await new artifactClient.DefaultArtifactClient().uploadArtifact(name, paths, root, { retentionDays: 1 });
}

function context(runId: number, overrides: Partial<InputLocation.InputContext> = {}): InputLocation.InputContext {
  const ctx: InputLocation.InputContext = {
    tempDir: tempDirForFile('input-location-artifact-'),
    artifacts: github.gitHubArtifacts({ token: fake.token, owner: fake.owner, repo: fake.repo, runId }),
    ...overrides,
  };
  contexts.push(ctx);
  return ctx;
}

async function failure(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

function downloads(): number {
  return fake.requests().filter((request) => request.path.startsWith('/artifact-downloads/')).length;
}

describe('artifact:NAME', () => {
  it('reads the one file of the artifact an earlier run uploaded', async () => {
    const name = artifactName();
    const exportRun = startRun();
    await upload(name, { 'users.ndjson.gz': gzipSync(USERS) });

    const runId = startRun();
    const ctx = context(runId);
    const resolved = await inputs.resolveInputLocation(`artifact:${name}`, ctx);
    expect(resolved.label).toBe(`artifact:${name}`);
    expect(resolved.from).toBe(`artifact "${name}" of run ${exportRun}`);
    expect(resolved.path.startsWith(ctx.tempDir)).toBe(true);
    expect(readFileSync(resolved.path)).toEqual(gzipSync(USERS));
  });

  it('picks files by path from a many-file artifact, downloading it once', async () => {
    const name = artifactName();
    startRun();
    await upload(name, { 'users.ndjson': USERS, 'hashes/passwords.ndjson': PASSWORDS });

    const ctx = context(startRun());
    const before = downloads();
    const users = await inputs.resolveInputLocation(`artifact:${name}/users.ndjson`, ctx);
    const passwords = await inputs.resolveInputLocation(`artifact:${name}/hashes/passwords.ndjson`, ctx);
    expect(readFileSync(users.path, 'utf8')).toBe(USERS);
    expect(readFileSync(passwords.path, 'utf8')).toBe(PASSWORDS);
    expect(downloads() - before).toBe(1);
  });

  it('without a path in a many-file artifact names the files to choose from', async () => {
    const name = artifactName();
    const exportRun = startRun();
    await upload(name, { 'users.ndjson': USERS, 'passwords.ndjson': PASSWORDS });
    const error = await failure(inputs.resolveInputLocation(`artifact:${name}`, context(startRun())));
    expect(error.message).toBe(
      `artifact:${name}: artifact "${name}" of run ${exportRun} holds 2 files (passwords.ndjson, users.ndjson); name one, as artifact:${name}/passwords.ndjson.`,
    );
  });

  it('with a path the artifact lacks lists what it holds', async () => {
    const name = artifactName();
    startRun();
    await upload(name, { 'users.ndjson': USERS });
    const error = await failure(inputs.resolveInputLocation(`artifact:${name}/user.ndjson`, context(startRun())));
    expect(error.message).toMatch(
      new RegExp(
        `^artifact:${name}/user\\.ndjson: artifact "${name}" of run \\d+ has no file user\\.ndjson; it holds users\\.ndjson\\.$`,
      ),
    );
  });

  it('takes the newest run that has the artifact, past runs that have none', async () => {
    const name = artifactName();
    startRun();
    await upload(name, { 'users.ndjson': '{"user_id":"auth0|old","email":"old@example.com"}\n' });
    const newer = startRun();
    await upload(name, { 'users.ndjson': USERS });
    startRun();
    startRun();

    const resolved = await inputs.resolveInputLocation(`artifact:${name}`, context(startRun()));
    expect(resolved.from).toBe(`artifact "${name}" of run ${newer}`);
    expect(readFileSync(resolved.path, 'utf8')).toBe(USERS);
  });

  it('finds an artifact an earlier job of this same run uploaded, with the runtime token alone', async () => {
    const name = artifactName();
    const runId = startRun();
    await upload(name, { 'users.ndjson': USERS });
    const ctx = context(runId, { artifacts: github.gitHubArtifacts(undefined) });
    const resolved = await inputs.resolveInputLocation(`artifact:${name}`, ctx);
    expect(resolved.from).toBe(`artifact "${name}" of run ${runId}`);
    expect(readFileSync(resolved.path, 'utf8')).toBe(USERS);
  });

  it('decrypts an encrypted export inside the artifact with the passphrase', async () => {
    const name = artifactName();
    startRun();
    const message = await openpgp.createMessage({ binary: Buffer.from(USERS) });
    const encrypted = Buffer.from(await openpgp.encrypt({ message, passwords: [PASSPHRASE], format: 'binary' }));
    await upload(name, { 'users.ndjson.gpg': encrypted });

    const ctx = context(startRun(), { passphrase: PASSPHRASE });
    const resolved = await inputs.resolveInputLocation(`artifact:${name}/users.ndjson.gpg`, ctx);
    expect(resolved.path.endsWith('users.ndjson')).toBe(true);
    expect(readFileSync(resolved.path, 'utf8')).toBe(USERS);
  });

  it('that no trusted run has says where it looked, what it ignored and that the token needs actions: read', async () => {
    const name = artifactName();
    startRun({ event: 'pull_request', headRepository: 'mallory/identity-migration' });
    await upload(name, { 'users.ndjson': USERS });
    startRun({ event: 'pull_request', headBranch: 'feature' });
    await upload(name, { 'users.ndjson': USERS });
    const current = startRun({ workflowId: 3003 });
    const error = await failure(inputs.resolveInputLocation(`artifact:${name}`, context(current)));
    expect(error.message).toBe(
      `artifact:${name}: no artifact named "${name}" in this run (${current}) or any run of acme/identity-migration it trusts ` +
        '(push, workflow_dispatch, schedule, workflow_call, repository_dispatch); 2 artifact(s) of that name were ignored: ' +
        '1 uploaded by a pull_request run, 1 uploaded by a run of a fork; ' +
        'check the name, that the artifact has not expired, and that the token may read artifacts (permissions: actions: read).',
    );
  });

  it('finds the artifact another workflow of the repository uploaded, the newest by time', async () => {
    const name = artifactName();
    startRun({ workflowId: 4004, event: 'schedule' });
    await upload(name, { 'users.ndjson': '{"user_id":"auth0|old","email":"old@example.com"}\n' });
    const newer = startRun({ workflowId: 4006, event: 'push' });
    await upload(name, { 'users.ndjson': USERS });
    const resolved = await inputs.resolveInputLocation(`artifact:${name}`, context(startRun({ workflowId: 4005 })));
    expect(resolved.from).toBe(`artifact "${name}" of run ${newer}`);
    expect(readFileSync(resolved.path, 'utf8')).toBe(USERS);
  });

  it('skips an expired artifact for the older live one', async () => {
    const name = artifactName();
    const older = startRun();
    await upload(name, { 'users.ndjson': USERS });
    startRun();
    await upload(name, { 'users.ndjson': '{"user_id":"auth0|gone","email":"gone@example.com"}\n' });
    fake.expireArtifact(
      fake
        .artifacts()
        .filter((a) => a.name === name)
        .at(-1)!.id,
    );
    const resolved = await inputs.resolveInputLocation(`artifact:${name}`, context(startRun(), {}));
    expect(resolved.from).toBe(`artifact "${name}" of run ${older}`);
  });

  it('with a token GitHub refuses says so, without the token', async () => {
    const name = artifactName();
    startRun();
    await upload(name, { 'users.ndjson': USERS });
    const runId = startRun();
    const ctx = context(runId, {});
    ctx.artifacts = github.gitHubArtifacts({
      token: 'ghs_revoked_token_value',
      owner: fake.owner,
      repo: fake.repo,
      runId,
    });
    const error = await failure(inputs.resolveInputLocation(`artifact:${name}`, ctx));
    expect(error.message).toMatch(
      new RegExp(`^artifact:${name}: could not look for artifact "${name}": GitHub refused the token \\(401\\)`),
    );
    expect(error.message).not.toContain('ghs_revoked_token_value');
  });

  it('outside GitHub Actions and without a token says what is needed', async () => {
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', '');
    vi.stubEnv('ACTIONS_RESULTS_URL', '');
    const error = await failure(
      inputs.resolveInputLocation(
        'artifact:auth0-export',
        context(1, { artifacts: github.gitHubArtifacts(undefined) }),
      ),
    );
    expect(error.message).toMatch(
      /^artifact:auth0-export: reading an artifact needs GitHub Actions or a GitHub token, repository and run id/,
    );
    // Given no artifact source at all, the input is refused with the same sentence.
    const none = await failure(
      inputs.resolveInputLocation('artifact:auth0-export', context(1, { artifacts: undefined })),
    );
    expect(none.message).toBe(error.message);
  });

  it('without a name asks for one', async () => {
    const error = await failure(inputs.resolveInputLocation('artifact:/users.ndjson', context(1)));
    expect(error.message).toBe(
      'artifact:/users.ndjson: name the artifact, as artifact:NAME or artifact:NAME/path/in/artifact.',
    );
  });

  it('cleanup removes the downloaded files', async () => {
    const name = artifactName();
    startRun();
    await upload(name, { 'users.ndjson': USERS, 'passwords.ndjson': PASSWORDS });
    const ctx = context(startRun());
    const users = await inputs.resolveInputLocation(`artifact:${name}/users.ndjson`, ctx);
    expect(existsSync(users.path)).toBe(true);
    await inputs.cleanupInputs(ctx);
    expect(existsSync(users.path)).toBe(false);
    expect(existsSync(join(dirname(users.path), 'passwords.ndjson'))).toBe(false);

    // A later resolve downloads again rather than pointing at the removed files.
    const again = await inputs.resolveInputLocation(`artifact:${name}/users.ndjson`, ctx);
    expect(readFileSync(again.path, 'utf8')).toBe(USERS);
  });
});
