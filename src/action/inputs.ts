import * as core from '@actions/core';
import { z } from 'zod';
import { SOURCE_KINDS } from '../sources/index.js';
import { parseDuration } from '../report/progress.js';
import { registerSecret } from '../model/mask.js';

/** Input names, spelled once (they are action.yml's keys). */
export const Input = {
  Mode: 'mode',
  Source: 'source',
  Users: 'users',
  Passwords: 'passwords',
  Organizations: 'organizations',
  HashConfig: 'hash-config',
  Mfa: 'mfa',
  Config: 'config',
  WorkosApiKey: 'workos-api-key',
  WorkosApiUrl: 'workos-api-url',
  RateLimit: 'rate-limit',
  Concurrency: 'concurrency',
  MaxRecords: 'max-records',
  TimeBudget: 'time-budget',
  FailOn: 'fail-on',
  IncludePii: 'include-pii',
  ConfirmProduction: 'confirm-production',
  Out: 'out',
  State: 'state',
  StateName: 'state-name',
  StateRetentionDays: 'state-retention-days',
  ReportRetentionDays: 'report-retention-days',
  GithubToken: 'github-token',
  Comment: 'comment',
  LoginProbes: 'login-probes',
  WorkosClientId: 'workos-client-id',
  Passphrase: 'passphrase',
  Prune: 'prune',
  PruneLimit: 'prune-limit',
  ForcePasswords: 'force-passwords',
  LazyPasswords: 'lazy-passwords',
  ConfirmRollback: 'confirm-rollback',
  PortalLinks: 'portal-links',
} as const;

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === '' ? undefined : s));

const optionalPositiveInt = (name: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, `${name} must be a whole number`)
      .transform(Number)
      .refine((n) => n > 0, `${name} must be greater than 0`)
      .optional(),
  );

const booleanInput = (name: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.toLowerCase())
    .refine((s) => ['', 'true', 'false'].includes(s), `${name} must be true or false`)
    .transform((s) => s === 'true');

export const ActionInputsSchema = z
  .object({
    mode: z.enum(['plan', 'import', 'verify', 'rollback', 'cutover'], {
      error: 'mode must be plan, import, verify, rollback or cutover',
    }),
    source: z.enum(SOURCE_KINDS, { error: `source must be one of ${SOURCE_KINDS.join(', ')}` }),
    // Required by every mode but rollback (checked below): the checkpoint says what to undo.
    users: z.string().trim(),
    passwords: optionalText,
    organizations: optionalText,
    hashConfig: optionalText,
    mfa: optionalText,
    config: optionalText,
    workosApiKey: optionalText,
    workosApiUrl: optionalText.pipe(
      z.url({ error: 'workos-api-url must be a URL such as https://api.workos.com' }).optional(),
    ),
    rateLimit: optionalText.pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?$/, 'rate-limit must be a number of writes per second')
        .transform(Number)
        .refine((n) => n > 0, 'rate-limit must be greater than 0')
        .optional(),
    ),
    concurrency: optionalPositiveInt('concurrency'),
    maxRecords: optionalPositiveInt('max-records'),
    timeBudgetMs: optionalText.pipe(
      z
        .string()
        .transform((s, ctx) => {
          const ms = parseDuration(s);
          if (ms === undefined)
            ctx.addIssue({ code: 'custom', message: `time-budget "${s}" is not a duration like 5h30m, 90m or 45s` });
          return ms ?? 0;
        })
        .optional(),
    ),
    // Empty: the mode's default (invalid for plan, failed for import).
    failOn: z.enum(['invalid', 'failed', 'never'], { error: 'fail-on must be invalid, failed or never' }).optional(),
    prune: booleanInput('prune'),
    pruneLimit: optionalText.pipe(
      z.string().regex(/^\d+$/, 'prune-limit must be a whole number').transform(Number).optional(),
    ),
    forcePasswords: booleanInput('force-passwords'),
    lazyPasswords: booleanInput('lazy-passwords'),
    confirmRollback: booleanInput('confirm-rollback'),
    portalLinks: booleanInput('portal-links'),
    includePii: booleanInput('include-pii'),
    confirmProduction: booleanInput('confirm-production'),
    out: z.string().trim(),
    state: z.enum(['artifact', 'branch', 'none'], { error: 'state must be artifact, branch or none' }),
    stateName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,100}$/, 'state-name may hold letters, digits, dot, dash and underscore (at most 100)'),
    stateRetentionDays: optionalPositiveInt('state-retention-days'),
    reportRetentionDays: optionalPositiveInt('report-retention-days'),
    githubToken: optionalText,
    comment: z.enum(['auto', 'always', 'never'], { error: 'comment must be auto, always or never' }),
    loginProbes: optionalText,
    workosClientId: optionalText,
    // Not trimmed: a passphrase may begin or end with a space.
    passphrase: z.string().transform((s) => (s === '' ? undefined : s)),
  })
  .refine((inputs) => inputs.mode === 'rollback' || inputs.users !== '', {
    message: 'users is required: the path of the user export in the repository',
  });

export type ActionInputs = z.infer<typeof ActionInputsSchema>;

/** Reads and validates every input; the first problem becomes the step's error message. */
export function readActionInputs(getInput: (name: string) => string = (name) => core.getInput(name)): ActionInputs {
  // Register the key as a secret before anything can print it (DESIGN §8).
  // The runner masks its log (core.setSecret); the scrubber masks the reports, summary and comment.
  const secret = (value: string): void => {
    core.setSecret(value);
    registerSecret(value);
  };
  const key = getInput(Input.WorkosApiKey);
  if (key) secret(key);
  const token = getInput(Input.GithubToken);
  if (token) secret(token);
  // Test credentials: mask every line (and so every password) before anything can print it.
  const passphrase = core.getInput(Input.Passphrase, { trimWhitespace: false });
  if (passphrase) secret(passphrase);
  const probes = getInput(Input.LoginProbes);
  for (const line of probes.split(/\r?\n/)) if (line.trim()) secret(line.trim());
  const raw = {
    mode: getInput(Input.Mode) || 'plan',
    source: getInput(Input.Source) || 'auth0',
    users: getInput(Input.Users),
    passwords: getInput(Input.Passwords),
    organizations: getInput(Input.Organizations),
    hashConfig: getInput(Input.HashConfig),
    mfa: getInput(Input.Mfa),
    config: getInput(Input.Config),
    workosApiKey: key,
    workosApiUrl: getInput(Input.WorkosApiUrl),
    rateLimit: getInput(Input.RateLimit),
    concurrency: getInput(Input.Concurrency),
    maxRecords: getInput(Input.MaxRecords),
    timeBudgetMs: getInput(Input.TimeBudget),
    failOn: getInput(Input.FailOn) || undefined,
    prune: getInput(Input.Prune),
    pruneLimit: getInput(Input.PruneLimit),
    forcePasswords: getInput(Input.ForcePasswords),
    lazyPasswords: getInput(Input.LazyPasswords),
    confirmRollback: getInput(Input.ConfirmRollback),
    portalLinks: getInput(Input.PortalLinks),
    includePii: getInput(Input.IncludePii),
    confirmProduction: getInput(Input.ConfirmProduction),
    out: getInput(Input.Out) || '',
    state: getInput(Input.State) || 'artifact',
    stateName: getInput(Input.StateName) || 'workos-migration-state',
    stateRetentionDays: getInput(Input.StateRetentionDays),
    reportRetentionDays: getInput(Input.ReportRetentionDays),
    githubToken: token,
    comment: getInput(Input.Comment) || 'auto',
    loginProbes: probes,
    workosClientId: getInput(Input.WorkosClientId),
    passphrase,
  };
  const parsed = ActionInputsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`Input ${issue.message}`);
  }
  return parsed.data;
}

export class InputError extends Error {
  override name = 'InputError';
}
