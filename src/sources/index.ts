import { UsageError, type SourceItem } from '../model/types.js';
import { readAuth0Users } from './auth0/users.js';

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
export function readSource(kind: SourceKind, files: SourceFiles): AsyncIterable<SourceItem> {
  switch (kind) {
    case 'auth0':
      return readAuth0Users({ usersPath: files.users, passwordsPath: files.passwords });
    case 'clerk':
      throw new UsageError('The Clerk source is not available yet.');
  }
}

export function parseSourceKind(value: string): SourceKind {
  if ((SOURCE_KINDS as readonly string[]).includes(value)) return value as SourceKind;
  throw new UsageError(`Unknown source "${value}". Use one of: ${SOURCE_KINDS.join(', ')}.`);
}
