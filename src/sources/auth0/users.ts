import { readJsonRecordBatches } from '../../io/json-records.js';
import type { SourceItem, SourceLocation } from '../../model/types.js';
import { pickMetadataFields } from '../../config/metadata-fields.js';
import { checkMetadata } from '../../model/validate.js';
import { auth0MetadataFields, mapAuth0User } from './map-user.js';
import { loadAuth0Passwords } from './passwords.js';

export interface Auth0UserFiles {
  /** The bulk user export (NDJSON or a JSON array, gzipped or not), as the user named it. */
  usersPath: string;
  /** The password-hash export from Auth0 support (NDJSON). */
  passwordsPath?: string;
  /** WorkOS metadata key → Auth0 field (`app_metadata.plan`); nothing is imported without one. */
  metadataMap?: Record<string, string>;
}

/**
 * Every user of an Auth0 export as a canonical record, with its bcrypt hash joined when a
 * password file is given. Yields, in order: problems of the password file, then each user (or
 * the problem that keeps it out), then the password rows that joined no user. Blocked users
 * are yielded like any other (`blocked: true`); the planner applies the policy.
 */
export async function* readAuth0Users(options: Auth0UserFiles): AsyncGenerator<SourceItem> {
  for await (const batch of readAuth0UserBatches(options)) yield* batch;
}

/**
 * readAuth0Users, a batch at a time (one per chunk of the file): a step of an async generator
 * costs more than mapping a user, so a million users should not take three million steps.
 */
export async function* readAuth0UserBatches(options: Auth0UserFiles): AsyncGenerator<SourceItem[]> {
  const passwords = options.passwordsPath === undefined ? undefined : await loadAuth0Passwords(options.passwordsPath);
  if (passwords?.problems.length) yield passwords.problems.map((problem): SourceItem => ({ kind: 'problem', problem }));

  const file = options.usersPath;
  const metadataMap =
    options.metadataMap && Object.keys(options.metadataMap).length > 0 ? options.metadataMap : undefined;
  for await (const batch of readJsonRecordBatches(file)) {
    const items: SourceItem[] = [];
    for (const item of batch) {
      if (!item.ok) {
        const location: SourceLocation = {
          file,
          line: item.line,
          ...(item.column !== undefined ? { column: item.column } : {}),
        };
        items.push({
          kind: 'problem',
          problem: { entity: 'user', location, code: 'invalid_json', message: item.message, severity: 'error' },
        });
        continue;
      }
      const mapped = mapAuth0User(item.value, { file, line: item.line });
      if (!mapped.ok) {
        if (mapped.problem.sourceId) passwords?.index.settle(mapped.problem.sourceId);
        items.push({ kind: 'problem', problem: mapped.problem });
        continue;
      }
      const record = mapped.record;
      if (metadataMap) {
        const metadata = checkMetadata(pickMetadataFields(auth0MetadataFields(mapped.user), metadataMap));
        if (!metadata.ok) {
          passwords?.index.settle(record.sourceId);
          items.push({
            kind: 'problem',
            problem: {
              entity: 'user',
              sourceId: record.sourceId,
              location: record.location,
              field: metadata.field,
              code: metadata.code,
              message: metadata.message,
              severity: 'error',
            },
          });
          continue;
        }
        record.metadata = metadata.metadata;
      }
      if (passwords) {
        const joined = passwords.index.join({
          userId: record.sourceId,
          email: record.email,
          databaseConnections: mapped.databaseConnections,
        });
        record.passwordGap = joined.passwordGap;
        if (joined.password) record.password = joined.password;
        for (const problem of joined.problems) items.push({ kind: 'problem', problem });
      }
      items.push({ kind: 'user', record });
    }
    if (items.length > 0) yield items;
  }

  const unmatched = passwords?.index.unmatched() ?? [];
  if (unmatched.length > 0) yield unmatched.map((problem): SourceItem => ({ kind: 'problem', problem }));
}
