import { describe, expect, it } from 'vitest';
import { cutoverOptions } from '../../src/modes/cutover.js';
import { importOptions } from '../../src/modes/import.js';
import { lazyFinishOptions } from '../../src/modes/lazy-finish.js';
import type { MigrationSettings, ResolvedRun } from '../../src/modes/pipeline.js';
import { planOptions } from '../../src/modes/plan.js';
import { rollbackOptions } from '../../src/modes/rollback.js';
import { verifyOptions } from '../../src/modes/verify.js';

// Every setting given at once, as a parser could hand them over: each mode takes only its own.
const settings: Required<MigrationSettings> = {
  source: 'auth0',
  stateDir: 'state',
  outDir: 'report',
  target: { apiKey: 'sk_test_options', apiUrl: 'http://127.0.0.1:1' },
  rateLimit: 10,
  readRateLimit: 20,
  concurrency: 3,
  maxRecords: 100,
  timeBudgetMs: 60_000,
  includePii: true,
  force: true,
  prune: true,
  pruneLimit: 5,
  forcePasswords: true,
  confirmRollback: true,
  portalLinks: true,
};
const resolved: ResolvedRun = {
  files: { users: 'users.ndjson' },
  loginProbes: { clientId: 'client_options', probes: [], label: 'probes.txt' },
  onSecret: () => {},
};

const keys = (options: object) => Object.keys(options).sort();
const reading = [
  'config',
  'fileLabels',
  'files',
  'force',
  'forcePasswords',
  'includePii',
  'log',
  'outDir',
  'readRateLimit',
  'signal',
  'source',
  'stateDir',
  'target',
];

describe('each mode takes its own options from the settings', () => {
  it('plan: the export, the places and WorkOS, nothing that writes', () => {
    expect(keys(planOptions(settings, resolved))).toEqual(reading);
  });

  it('import: adds the write budget and prune, not rollback or cutover settings', () => {
    expect(keys(importOptions(settings, resolved))).toEqual(
      [...reading, 'concurrency', 'maxRecords', 'prune', 'pruneLimit', 'rateLimit', 'timeBudgetMs'].sort(),
    );
  });

  it('verify and cutover: add the login probes; cutover its portal links', () => {
    expect(keys(verifyOptions(settings, resolved))).toEqual([...reading, 'loginProbes'].sort());
    expect(keys(cutoverOptions(settings, resolved))).toEqual(
      [...reading, 'loginProbes', 'onSecret', 'portalLinks'].sort(),
    );
  });

  it('import --lazy-finish: the write rate only', () => {
    expect(keys(lazyFinishOptions(settings, resolved))).toEqual([...reading, 'rateLimit'].sort());
  });

  it('rollback: no export, its confirmation as `confirm`', () => {
    const options = rollbackOptions(settings, {});
    expect(keys(options)).toEqual(
      [
        'concurrency',
        'confirm',
        'includePii',
        'log',
        'outDir',
        'rateLimit',
        'readRateLimit',
        'signal',
        'source',
        'stateDir',
        'target',
      ].sort(),
    );
    expect(options.confirm).toBe(true);
  });
});
