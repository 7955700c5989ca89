import { readTextHead } from '../io/byte-stream.js';
import { readCsvRecords } from '../io/csv.js';
import { readJsonRecords } from '../io/json-records.js';
import { registerTokenSecret } from '../model/mask.js';
import {
  UsageError,
  type MfaFactor,
  type RecordProblem,
  type SourceItem,
  type SourceLocation,
} from '../model/types.js';
import { totpSecretItems } from './totp-secret.js';
import { textOf } from './user-items.js';

// The second file some sources keep MFA factors in (`--mfa FILE`), joined to the users by id:
//
// - Auth0: the MFA export Auth0 support makes on request, NDJSON like its password export, one
//   enrollment a line: `{"user_id":"auth0|…","tenant":"…","type":"otp","otp_secret":"<Base32>"}`
//   (`recovery-code` lines and other types carry no secret that moves). This is the shape WorkOS's
//   own Auth0 importer (github.com/workos/migrate-auth0-users, --mfa-export) reads.
// - Supabase: a dump of `auth.mfa_factors` (`\copy (select * from auth.mfa_factors) to
//   'mfa_factors.csv' csv header`, or `select json_agg(f) from auth.mfa_factors f`): `user_id`,
//   `factor_type` (`totp`, `phone`, `webauthn`), `status` (`verified`, `unverified`), `secret`.
//
// Only a verified TOTP factor with a valid secret moves; every other factor means enrolling again.

/** One factor of a user, as the second file has it. The secret is registered with the scrubber on reading. */
export interface SourceFactor {
  factor: MfaFactor;
  /** TOTP only: the exported secret, when the factor is verified. */
  secret?: string;
  /** Why a TOTP factor cannot move though it has a secret (unverified). */
  notMoved?: string;
  location: SourceLocation;
  field: string;
}

export type FactorsByUser = Map<string, SourceFactor[]>;

/** Reads the MFA file of `source` into factors by user id. */
export async function readMfaFile(source: 'auth0' | 'supabase', path: string): Promise<FactorsByUser> {
  const byUser: FactorsByUser = new Map();
  const add = (userId: string, factor: SourceFactor) => {
    const list = byUser.get(userId);
    if (list) list.push(factor);
    else byUser.set(userId, [factor]);
  };
  for await (const row of readRows(path)) {
    const userId = textOf(row.value.user_id);
    if (userId === undefined) continue;
    const at = (field: string): SourceLocation => ({ file: path, line: row.line, ...row.columnOf(field) });
    if (source === 'auth0') {
      const type = textOf(row.value.type)?.toLowerCase();
      const secret = textOf(row.value.otp_secret);
      registerTokenSecret(secret);
      if (type === 'otp' || type === 'totp')
        add(userId, { factor: 'totp', ...(secret ? { secret } : {}), location: at('otp_secret'), field: 'otp_secret' });
      else if (type === 'sms' || type === 'phone') add(userId, { factor: 'sms', location: at('type'), field: 'type' });
      continue;
    }
    const type = textOf(row.value.factor_type)?.toLowerCase();
    const secret = textOf(row.value.secret);
    registerTokenSecret(secret);
    const verified = textOf(row.value.status)?.toLowerCase() === 'verified';
    if (type === 'totp') {
      add(userId, {
        factor: 'totp',
        ...(secret ? { secret } : {}),
        ...(verified ? {} : { notMoved: 'the factor was never verified (status is not verified)' }),
        location: at('secret'),
        field: 'secret',
      });
    } else if (type === 'phone' || type === 'sms')
      add(userId, { factor: 'sms', location: at('factor_type'), field: 'factor_type' });
    else if (type === 'webauthn')
      add(userId, { factor: 'webauthn', location: at('factor_type'), field: 'factor_type' });
    else if (type !== undefined) add(userId, { factor: 'other', location: at('factor_type'), field: 'factor_type' });
  }
  return byUser;
}

/**
 * The source's batches with the MFA file joined in: each user with factors there gets them (a
 * TOTP factor that moves as a `factor` item, the rest in `mfaFactors` to re-enroll), before the
 * user's item. Factors of users the export does not have are reported at the end.
 */
export async function* joinMfaFile(
  batches: AsyncIterable<readonly SourceItem[]>,
  factors: FactorsByUser,
  mfaPath: string,
): AsyncIterable<readonly SourceItem[]> {
  for await (const batch of batches) {
    const out: SourceItem[] = [];
    for (const item of batch) {
      const mine = item.kind === 'user' ? factors.get(item.record.sourceId) : undefined;
      if (item.kind !== 'user' || !mine) {
        out.push(item);
        continue;
      }
      factors.delete(item.record.sourceId);
      const record = item.record;
      const reenroll = new Set(record.mfaFactors);
      let moved = false;
      for (const factor of mine) {
        if (factor.factor !== 'totp') {
          reenroll.add(factor.factor);
          continue;
        }
        if (factor.secret === undefined || factor.notMoved !== undefined || moved) {
          if (factor.secret !== undefined && factor.notMoved !== undefined)
            out.push(note(record.sourceId, factor, `The TOTP factor cannot be moved: ${factor.notMoved}.`));
          if (!moved) reenroll.add('totp');
          continue;
        }
        const result = totpSecretItems({
          userSourceId: record.sourceId,
          raw: factor.secret,
          location: factor.location,
          field: factor.field,
        });
        out.push(...result.items);
        moved = result.moved;
        if (moved) reenroll.delete('totp');
        else reenroll.add('totp');
      }
      out.push({ kind: 'user', record: { ...record, mfaFactors: [...reenroll] } });
    }
    yield out;
  }
  const orphans: SourceItem[] = [];
  for (const [userId, list] of factors)
    orphans.push({
      kind: 'problem',
      problem: {
        entity: 'user',
        sourceId: userId,
        location: list[0]?.location ?? { file: mfaPath, line: 0 },
        field: 'user_id',
        code: 'mfa_user_not_found',
        message:
          'The MFA file has factors for a user the user export does not have; they are not imported. Export both files at the same time.',
        severity: 'warning',
      },
    });
  if (orphans.length > 0) yield orphans;
}

function note(sourceId: string, factor: SourceFactor, message: string): SourceItem {
  const problem: RecordProblem = {
    entity: 'user',
    sourceId,
    location: factor.location,
    field: factor.field,
    code: 'totp_not_moved',
    message: `${message} The user enrolls MFA again (reenroll.csv).`,
    severity: 'warning',
  };
  return { kind: 'problem', problem };
}

interface MfaRow {
  value: Record<string, unknown>;
  line: number;
  columnOf(field: string): { column?: number };
}

/** The rows of a CSV or JSON (array or NDJSON) file; rows that cannot be read stop the run with their line. */
async function* readRows(path: string): AsyncGenerator<MfaRow> {
  const first = (await readTextHead(path)).trimStart().charAt(0);
  if (first === '')
    throw new UsageError(`${path}: the MFA file holds only blank space; export it again or check the path.`);
  if (first === '[' || first === '{') {
    for await (const item of readJsonRecords(path)) {
      if (!item.ok) throw new UsageError(`${path}:${item.line}: ${item.message} Export the MFA file again.`);
      if (typeof item.value !== 'object' || item.value === null || Array.isArray(item.value))
        throw new UsageError(`${path}:${item.line}: each MFA record must be a JSON object.`);
      yield { value: item.value as Record<string, unknown>, line: item.line, columnOf: () => ({}) };
    }
    return;
  }
  let columns: Map<string, number> | undefined;
  for await (const item of readCsvRecords(path)) {
    if (!item.ok) throw new UsageError(`${path}:${item.line}: ${item.message} Export the MFA file again.`);
    columns ??= new Map(Object.keys(item.row).map((name, i) => [name, i + 1]));
    const known = columns;
    yield {
      value: item.row,
      line: item.line,
      columnOf: (field) => (known.has(field) ? { column: known.get(field)! } : {}),
    };
  }
}
