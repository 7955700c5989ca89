import type { MappingConfig } from '../config/mapping-config.js';
import { UsageError, type SourceItem } from '../model/types.js';
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
