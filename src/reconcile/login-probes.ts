import type { WorkOS } from '@workos-inc/node';
import { WorkOSCallError, type WorkOSCaller } from '../workos/workos-caller.js';
import { maskEmail } from '../model/mask.js';
import { UsageError, type RecordProblem } from '../model/types.js';
import { classifyWorkOSError } from '../workos/errors.js';

/** One test account whose sign-in must work after the migration (the seed guides' last check). */
export interface LoginProbe {
  email: string;
  password: string;
  line: number;
}

export interface LoginProbeResult {
  tried: number;
  succeeded: number;
  failed: number;
  problems: RecordProblem[];
}

/**
 * Test credentials, from a secret: a JSON array of `{email, password}`, or one account a line
 * as `email password` (split at the first space or tab; the password may hold spaces).
 * Errors name the line only: the text is a secret.
 */
export function parseLoginProbes(text: string, label: string): LoginProbe[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new UsageError(
        `${label}: not valid JSON. Give a JSON array of {"email", "password"}, or one "email password" a line.`,
      );
    }
    if (!Array.isArray(parsed)) throw new UsageError(`${label}: expected a JSON array of {"email", "password"}.`);
    return parsed.map((entry, index) => {
      const e = entry as { email?: unknown; password?: unknown };
      if (typeof e?.email !== 'string' || typeof e?.password !== 'string') {
        throw new UsageError(`${label}: entry ${index + 1} needs "email" and "password" strings.`);
      }
      return { email: e.email.trim(), password: e.password, line: index + 1 };
    });
  }
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ raw: raw.trim(), line: index + 1 }))
    .filter(({ raw }) => raw !== '' && !raw.startsWith('#'))
    .map(({ raw, line }) => {
      const match = /^(\S+)[ \t]+(.+)$/.exec(raw);
      if (!match) throw new UsageError(`${label}: line ${line} must be "email password".`);
      return { email: match[1]!, password: match[2]!, line };
    });
}

const PASSWORD_ACCEPTED = new Set([
  'organization_selection_required',
  'email_verification_required',
  'mfa_enrollment',
  'mfa_challenge',
]);

/** Signs each test account in with its password; a failure names the account masked. */
export async function runLoginProbes(
  workos: WorkOS,
  caller: WorkOSCaller,
  clientId: string,
  probes: LoginProbe[],
  label: string,
): Promise<LoginProbeResult> {
  const problems: RecordProblem[] = [];
  let succeeded = 0;
  for (const probe of probes) {
    try {
      await caller.read(() =>
        workos.userManagement.authenticateWithPassword({ clientId, email: probe.email, password: probe.password }),
      );
      succeeded++;
    } catch (error) {
      const failure = error instanceof WorkOSCallError ? error.failure : classifyWorkOSError(error);
      // The password was right; WorkOS wants one more step (pick an organization, verify the
      // email, set up or pass MFA) before it hands out a session.
      if (failure.kind === 'rejected' && PASSWORD_ACCEPTED.has(failure.code)) {
        succeeded++;
        continue;
      }
      const code = failure.kind === 'rejected' ? failure.code : failure.kind;
      problems.push({
        entity: 'user',
        location: { file: label, line: probe.line },
        code: 'login_failed',
        message: `Signing in as ${maskEmail(probe.email)} failed (${code}). Check that the user was imported with its password hash.`,
        severity: 'error',
      });
    }
  }
  return { tried: probes.length, succeeded, failed: probes.length - succeeded, problems };
}
