import type { MappingConfig } from '../config/mapping-config.js';
import { UsageError, type MembershipRecord, type OrganizationRecord, type RecordProblem, type SourceItem, type SourceLocation, type UserRecord } from '../model/types.js';
import { readAuth0Organizations } from './auth0/organizations.js';
import { readAuth0Users } from './auth0/users.js';
import { readClerkOrganizations } from './clerk/organizations.js';
import { readClerkUsers } from './clerk/users.js';

export const SOURCE_KINDS = ['auth0', 'clerk'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The export files of one migration, as the user named them. */
export interface SourceFiles {
  users: string;
  /** Auth0 only: the password-hash file from Auth0 support. */
  passwords?: string;
  organizations?: string;
}

/** Every record of the source's files, mapped to canonical records, one at a time. */
export async function* readSource(kind: SourceKind, files: SourceFiles, config: MappingConfig): AsyncIterable<SourceItem> {
  switch (kind) {
    case 'auth0':
      yield* readAuth0Users({ usersPath: files.users, passwordsPath: files.passwords, metadataMap: config.metadata.users });
      if (files.organizations) yield* readAuth0Organizations({ path: files.organizations, config });
      return;
    case 'clerk':
      // Clerk's exports carry the hash in the user file itself.
      if (files.passwords) throw new UsageError('--passwords is for Auth0 only: Clerk exports carry password digests in the user file.');
      yield* readClerkUsers({ usersPath: files.users, config });
      if (files.organizations) yield* readClerkOrganizations({ path: files.organizations, config });
      return;
  }
}

export function parseSourceKind(value: string): SourceKind {
  if ((SOURCE_KINDS as readonly string[]).includes(value)) return value as SourceKind;
  throw new UsageError(`Unknown source "${value}". Use one of: ${SOURCE_KINDS.join(', ')}.`);
}

/** A source's items sorted by kind, in the order they came. */
export interface SourceRecords {
  users: UserRecord[];
  organizations: OrganizationRecord[];
  memberships: MembershipRecord[];
  problems: RecordProblem[];
}

/** Collects a source's items; `onLocation` sees each item's location (to rename files in messages). */
export async function collectSourceRecords(items: AsyncIterable<SourceItem>, onLocation?: (location: SourceLocation) => void): Promise<SourceRecords> {
  const records: SourceRecords = { users: [], organizations: [], memberships: [], problems: [] };
  for await (const item of items) {
    if (item.kind === 'user') records.users.push(item.record);
    else if (item.kind === 'organization') records.organizations.push(item.record);
    else if (item.kind === 'membership') records.memberships.push(item.record);
    else records.problems.push(item.problem);
    onLocation?.(item.kind === 'problem' ? item.problem.location : item.record.location);
  }
  return records;
}
