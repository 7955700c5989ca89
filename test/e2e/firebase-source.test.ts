import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { EntityCounts } from '../../src/report/summary.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import { downloadArtifact, newJob, runStep, workflowCommands, type Job, type StepRun } from './run-action.js';

// The built action (dist/) importing the Firebase example on a workflow_dispatch run, the
// project's hash parameters handed over as a secret (`hash-config: env:NAME`), then a second run
// that restores the checkpoint and writes nothing. The signer key never shows in what GitHub keeps.

const KEY = 'sk_test_E2E_FIREBASE_7a6b5c';
const TOKEN = 'ghs_E2E_FIREBASE_TOKEN_1d2e3f';
const USERS = 'examples/firebase/users.json';
const HASH_CONFIG_TEXT = readFileSync('examples/firebase/hash-config.json', 'utf8');
const SIGNER_KEY = (JSON.parse(HASH_CONFIG_TEXT) as { base64_signer_key: string }).base64_signer_key;

let fake: FakeGitHub;
let emulator: Emulator;

beforeAll(async () => {
  fake = await startFakeGitHub({ token: TOKEN, readOnlyToken: 'ghs_E2E_FIREBASE_READONLY_0a' });
  emulator = await startEmulator();
});
afterAll(async () => {
  await fake?.close();
  await emulator?.close();
});

/** A job of a new run of workflow 3101, with the hash parameters in a secret-backed variable. */
function jobWithSecret(): Job {
  fake.newRun({ workflowId: 3101 });
  const job = newJob(fake);
  job.env.FIREBASE_HASH_CONFIG = Buffer.from(HASH_CONFIG_TEXT).toString('base64');
  return job;
}

const inputs = {
  mode: 'import',
  source: 'firebase',
  users: USERS,
  'hash-config': 'env:FIREBASE_HASH_CONFIG',
  'workos-api-key': KEY,
  'workos-api-url': '',
  'fail-on': 'never',
};

function counts(run: StepRun, entity: 'users'): EntityCounts {
  return JSON.parse(run.outputs[entity]!) as EntityCounts;
}

describe('mode: import, source: firebase, with the hash parameters from a secret', () => {
  let first: StepRun;
  let runId: string;

  it('imports the example, annotates the bad rows by file and line, and uploads password-reset.csv', async () => {
    const job = jobWithSecret();
    runId = job.env.GITHUB_RUN_ID!;
    first = await runStep(job, 'main', { inputs: { ...inputs, 'workos-api-url': emulator.url } });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.summary).toContain('## WorkOS migration: import (firebase)');
    expect(counts(first, 'users')).toMatchObject({ total: 10, created: 7, failed: 0, pending: 0 });
    expect(first.outputs.complete).toBe('true');
    expect(
      emulator
        .snapshot()
        .users.map((u) => u.external_id)
        .sort(),
    ).toHaveLength(7);

    const annotations = workflowCommands(first.stdout)
      .filter((c) => c.command === 'error')
      .map((c) => `${c.properties.title} ${c.properties.file}:${c.properties.line}`);
    expect(annotations).toEqual(expect.arrayContaining([`missing_email ${USERS}:7`, `invalid_email ${USERS}:10`]));

    const report = fake
      .artifacts()
      .find((a) => String(a.runId) === runId && a.name === first.outputs['report-artifact']);
    expect(report?.files).toContain('password-reset.csv');
    const files = await downloadArtifact(fake, report!.id);
    expect(files.get('password-reset.csv')!.toString().trim().split('\n')).toEqual([
      'reason,source_id',
      'no_password_hash,fbHugoLambert0000000000008',
    ]);
  });

  it('a second run restores the checkpoint and writes nothing', async () => {
    const writes = emulator.stats().writes;
    const run = await runStep(jobWithSecret(), 'main', { inputs: { ...inputs, 'workos-api-url': emulator.url } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`Restored from artifact workos-migration-state-${runId}-1-1 of run ${runId}.`);
    expect(counts(run, 'users')).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
    expect(emulator.stats().writes).toBe(writes);
  });

  it('never shows the signer key, a hash or an email in logs, the summary or the artifacts', async () => {
    const texts = [first.stdout, first.stderr, first.summary];
    for (const artifact of fake.artifacts())
      for (const content of (await downloadArtifact(fake, artifact.id)).values()) texts.push(content.toString());
    const users = (JSON.parse(readFileSync(USERS, 'utf8')) as { users: { email?: string; passwordHash?: string }[] })
      .users;
    for (const text of texts) {
      expect(text).not.toContain(SIGNER_KEY.replace(/=+$/, ''));
      for (const user of users) {
        if (user.passwordHash) expect(text).not.toContain(user.passwordHash.replace(/=+$/, ''));
        if (user.email?.includes('.')) expect(text).not.toContain(user.email);
      }
    }
  });
});
