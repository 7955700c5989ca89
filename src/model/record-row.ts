// A user record as a JSON array, for the places that keep a million of them out of the heap
// (the planner's rows, the Auth0 users waiting for their password file).
import type { MfaFactor, PasswordGap, UserRecord } from './types.js';

/**
 * A record as one JSON array (no key names): about 150 bytes for a typical user, where the
 * object as JSON takes twice that and twice the time to parse. The file is stored as an index
 * into the run's few file names.
 */
export function encodeRecord(record: UserRecord, file: number): string {
  return JSON.stringify(recordRow(record, file));
}

/** encodeRecord's array, to put inside other JSON. */
export function recordRow(record: UserRecord, file: number): RecordRow {
  return [
    record.sourceId,
    record.idField ?? null,
    record.email,
    record.emailVerified ? 1 : 0,
    record.firstName ?? null,
    record.lastName ?? null,
    record.password?.type ?? null,
    record.password?.hash ?? null,
    record.passwordGap,
    Object.keys(record.metadata).length > 0 ? record.metadata : 0,
    record.mfaFactors.length > 0 ? record.mfaFactors : 0,
    record.socialProviders.length > 0 ? record.socialProviders : 0,
    record.enterpriseConnection ?? null,
    record.blocked ? 1 : 0,
    file,
    record.location.line,
    record.location.column ?? null,
  ];
}

export type RecordRow = [
  sourceId: string,
  idField: string | null,
  email: string,
  emailVerified: 0 | 1,
  firstName: string | null,
  lastName: string | null,
  passwordType: NonNullable<UserRecord['password']>['type'] | null,
  passwordHash: string | null,
  passwordGap: PasswordGap,
  metadata: Record<string, string> | 0,
  mfaFactors: MfaFactor[] | 0,
  socialProviders: string[] | 0,
  enterpriseConnection: UserRecord['enterpriseConnection'] | null,
  blocked: 0 | 1,
  file: number,
  line: number,
  column: number | null,
];

export function decodeRecord(text: string, files: readonly string[]): UserRecord {
  return recordFromRow(JSON.parse(text) as RecordRow, files);
}

/** The record recordRow made the array of. */
export function recordFromRow(row: RecordRow, files: readonly string[]): UserRecord {
  const [
    sourceId,
    idField,
    email,
    verified,
    first,
    last,
    hashType,
    hash,
    gap,
    metadata,
    mfa,
    social,
    sso,
    blocked,
    file,
    line,
    column,
  ] = row;
  const record: UserRecord = {
    sourceId,
    email,
    emailVerified: verified === 1,
    passwordGap: gap,
    metadata: metadata === 0 ? {} : metadata,
    mfaFactors: mfa === 0 ? [] : mfa,
    socialProviders: social === 0 ? [] : social,
    blocked: blocked === 1,
    location: column === null ? { file: files[file]!, line } : { file: files[file]!, line, column },
  };
  if (idField !== null) record.idField = idField;
  if (first !== null) record.firstName = first;
  if (last !== null) record.lastName = last;
  if (hashType !== null && hash !== null) record.password = { type: hashType, hash };
  if (sso) record.enterpriseConnection = sso;
  return record;
}
