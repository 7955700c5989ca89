import type { MappingConfig } from '../config/mapping-config.js';
import {
  UsageError,
  type MembershipRecord,
  type OrganizationRecord,
  type RecordProblem,
  type SourceItem,
  type SourceLocation,
  type TotpFactorRecord,
  type UserRecord,
} from '../model/types.js';
import { readAuth0Organizations } from './auth0/organizations.js';
import { readAuth0UserBatches } from './auth0/users.js';
import { readClerkOrganizations } from './clerk/organizations.js';
import { readClerkUsers } from './clerk/users.js';
import { readCognitoUsers } from './cognito/users.js';
import { readGenericCsv } from './csv/users.js';
import { readFirebaseUsers } from './firebase/users.js';
import { readSupabaseUsers } from './supabase/users.js';
import { joinMfaFile, readMfaFile } from './mfa-file.js';

import { SOURCE_KINDS, type SourceKind } from '../model/source-kinds.js';

export { SOURCE_KINDS, type SourceKind } from '../model/source-kinds.js';

/** The export files of one migration, as the user named them. */
export interface SourceFiles {
  users: string;
  /** Auth0 only: the password-hash file from Auth0 support. */
  passwords?: string;
  organizations?: string;
  /** Firebase only: the project's password hash parameters. */
  hashConfig?: string;
  /** Auth0 and Supabase: the MFA file with the users' TOTP secrets (sources/mfa-file.ts). */
  mfa?: string;
}

/**
 * Every record of the source's files, mapped to canonical records, in batches: a million users
 * should not be a million steps of an async generator.
 */
export async function* readSourceBatches(
  kind: SourceKind,
  files: SourceFiles,
  config: MappingConfig,
): AsyncIterable<readonly SourceItem[]> {
  if (files.mfa) {
    if (kind !== 'auth0' && kind !== 'supabase')
      throw new UsageError(
        `--mfa is for Auth0 (the MFA export from Auth0 support) and Supabase (a dump of auth.mfa_factors): ${kind} exports carry TOTP secrets, if any, in the user file.`,
      );
    const factors = await readMfaFile(kind, files.mfa);
    yield* joinMfaFile(readSourceBatches(kind, { ...files, mfa: undefined }, config), factors, files.mfa);
    return;
  }
  if (files.passwords && kind !== 'auth0') {
    throw new UsageError(
      `--passwords is for Auth0 only: ${kind} exports carry their password hashes (if any) in the user file.`,
    );
  }
  if (files.hashConfig && kind !== 'firebase')
    throw new UsageError("--hash-config is for Firebase only: it holds a Firebase project's hash parameters.");
  if (files.organizations && !['auth0', 'clerk'].includes(kind)) {
    throw new UsageError(
      kind === 'csv'
        ? '--organizations is not used with --source csv: organizations come from its org_external_id and org_name columns.'
        : `--organizations is for Auth0 and Clerk: ${kind} has no organization export.`,
    );
  }
  switch (kind) {
    case 'auth0':
      yield* readAuth0UserBatches({
        usersPath: files.users,
        passwordsPath: files.passwords,
        metadataMap: config.metadata.users,
        ...(config.policies.partialExports ? { partialExports: config.policies.partialExports } : {}),
      });
      if (files.organizations) yield* inBatches(readAuth0Organizations({ path: files.organizations, config }));
      return;
    case 'clerk':
      yield* inBatches(readClerkUsers({ usersPath: files.users, config }));
      if (files.organizations) yield* inBatches(readClerkOrganizations({ path: files.organizations, config }));
      return;
    case 'firebase':
      yield* inBatches(
        readFirebaseUsers({
          usersPath: files.users,
          ...(files.hashConfig ? { hashConfigPath: files.hashConfig } : {}),
          config,
        }),
      );
      return;
    case 'cognito':
      yield* inBatches(readCognitoUsers({ usersPath: files.users, config }));
      return;
    case 'supabase':
      yield* inBatches(readSupabaseUsers({ usersPath: files.users, config }));
      return;
    case 'csv':
      yield* inBatches(readGenericCsv({ usersPath: files.users, config }));
      return;
  }
}

export function parseSourceKind(value: string): SourceKind {
  if ((SOURCE_KINDS as readonly string[]).includes(value)) return value as SourceKind;
  throw new UsageError(`Unknown source "${value}". Use one of: ${SOURCE_KINDS.join(', ')}.`);
}

/** A source's items sorted by kind, in the order they came (users only without `onUser`). */
export interface SourceRecords {
  users: UserRecord[];
  organizations: OrganizationRecord[];
  memberships: MembershipRecord[];
  /** TOTP factors that move with their secrets (joined to the planned users by plan/factors.ts). */
  factors: TotpFactorRecord[];
  problems: RecordProblem[];
}

export interface CollectOptions {
  /** Sees each item's location first (to rename files in messages). */
  onLocation?: (location: SourceLocation) => void;
  /** Takes each user instead of the list (the planner, as the export is read). */
  onUser?: (record: UserRecord) => void;
  /** Takes each membership instead of the list (kept in columns: a million of them as objects do not fit). */
  onMembership?: (record: MembershipRecord) => void;
}

/** Collects a source's items. */
export function collectSourceRecords(
  items: AsyncIterable<SourceItem>,
  options?: CollectOptions,
): Promise<SourceRecords> {
  return collectSourceBatches(inBatches(items), options);
}

/** Collects a source's items, given in batches. */
export async function collectSourceBatches(
  batches: AsyncIterable<readonly SourceItem[]>,
  { onLocation, onUser, onMembership }: CollectOptions = {},
): Promise<SourceRecords> {
  const records: SourceRecords = { users: [], organizations: [], memberships: [], factors: [], problems: [] };
  for await (const batch of batches)
    for (const item of batch) {
      onLocation?.(item.kind === 'problem' ? item.problem.location : item.record.location);
      if (item.kind === 'user') {
        if (onUser) onUser(item.record);
        else records.users.push(item.record);
      } else if (item.kind === 'organization') records.organizations.push(item.record);
      else if (item.kind === 'factor') records.factors.push(item.record);
      else if (item.kind === 'membership') {
        if (onMembership) onMembership(item.record);
        else records.memberships.push(item.record);
      } else records.problems.push(item.problem);
    }
  return records;
}

/** Items of a one-at-a-time reader, handed on in batches (a batch is whatever arrived, up to 256). */
async function* inBatches<T>(items: AsyncIterable<T>, size = 256): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
