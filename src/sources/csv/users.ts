import { createHash } from 'node:crypto';
import type { MappingConfig } from '../../config/mapping-config.js';
import { readCsvRecords } from '../../io/csv.js';
import { csvHeaderShape, misplacedExport } from '../../io/export-shape.js';
import { UsageError, type SourceItem, type SourceLocation } from '../../model/types.js';
import { membershipBase, membershipProblem, organizationProblem } from '../organization-files.js';
import { badCsvRow, fieldAt, userNote } from '../user-items.js';
import { csvDomains } from './domains.js';
import { mapCsvRow } from './map-row.js';

export interface GenericCsvOptions {
  usersPath: string;
  config: MappingConfig;
}

/**
 * The users, organizations and memberships of a generic CSV in the WorkOS migrations CLI's
 * columns, one row at a time. A user in several organizations has one row per organization:
 * the first row of a user brings the user, every row its membership. An organization is
 * `org_external_id` (its external id) with `org_name`, created from the first row that names it.
 */
export async function* readGenericCsv(options: GenericCsvOptions): AsyncGenerator<SourceItem> {
  const path = options.usersPath;
  let columns: Map<string, number> | undefined;
  const columnOf = (field: string) => columns?.get(field);
  // Only short digests are kept per user, so a large file stays small in memory.
  const users = new Map<string, { digest: string; line: number; imported: boolean }>();
  const organizations = new Map<string, { named: boolean; line: number }>();

  for await (const item of readCsvRecords(path)) {
    if (!item.ok) {
      yield badCsvRow(path, item);
      continue;
    }
    if (!columns) {
      const names = Object.keys(item.row);
      if (!names.includes('email')) {
        throw new UsageError(
          `${path}: this CSV has no email column. The generic CSV has the WorkOS migrations CLI's columns: ${COLUMN_LIST}.`,
        );
      }
      const misplaced = misplacedExport(path, { source: 'csv', kind: 'users' }, csvHeaderShape(names));
      if (misplaced) throw new UsageError(misplaced);
      columns = new Map(names.map((name, i) => [name, i + 1]));
      const unread = unreadColumns(names, options.config);
      if (unread.length > 0)
        yield userNote({
          entity: 'user',
          location: { file: path, line: 1 },
          field: unread[0]!,
          code: 'unread_columns',
          message: unreadColumnsMessage(unread),
        });
    }
    const location: SourceLocation = { file: path, line: item.line };
    const mapped = mapCsvRow(item.row, location, { config: options.config, columnOf });
    const sourceId = mapped.sourceId;

    const seen = sourceId === undefined ? undefined : users.get(sourceId);
    if (!seen) {
      yield* mapped.items;
      if (sourceId !== undefined)
        users.set(sourceId, {
          digest: digest(mapped.fingerprint),
          line: item.line,
          imported: mapped.user !== undefined,
        });
      if (mapped.user) yield { kind: 'user', record: mapped.user };
    } else if (seen.imported && mapped.user && digest(mapped.fingerprint) !== seen.digest) {
      yield userNote({
        entity: 'user',
        sourceId: sourceId!,
        location,
        code: 'conflicting_user_rows',
        message: `This row repeats the user of line ${seen.line} with other user columns; the values of line ${seen.line} are imported.`,
      });
    }

    const org = mapped.organization;
    if (!org) continue;
    const field = org.workosId ? 'org_id' : 'org_external_id';
    const at = fieldAt(location, columnOf, field);
    if (org.workosId) {
      yield membershipProblem(
        at,
        undefined,
        sourceId,
        'unsupported_org_id',
        'org_id names an organization already in WorkOS by its WorkOS id; give the organization as org_external_id (and org_name) instead.',
        field,
      );
      continue;
    }
    if (!org.externalId) {
      yield membershipProblem(
        at,
        undefined,
        sourceId,
        'missing_org_external_id',
        'The row names an organization by org_name alone; add its org_external_id, the key the organization is created and found by.',
        field,
      );
      continue;
    }
    const known = organizations.get(org.externalId);
    if (!known?.named && org.name) {
      organizations.set(org.externalId, { named: true, line: item.line });
      const domains = csvDomains(item.row.domains);
      if (domains.invalid !== undefined)
        yield {
          kind: 'problem',
          problem: {
            entity: 'organization',
            sourceId: org.externalId,
            location,
            field: 'domains',
            code: 'invalid_domain',
            message: `A domains entry is not a domain with an optional state (example.com:verified or example.com:pending); the organization is imported without it.`,
            severity: 'warning',
          },
        };
      yield {
        kind: 'organization',
        record: {
          sourceId: org.externalId,
          name: org.name,
          domains: domains.domains,
          ...(domains.verifiedDomains.length > 0 ? { verifiedDomains: domains.verifiedDomains } : {}),
          metadata: {},
          location,
        },
      };
    } else if (!known) organizations.set(org.externalId, { named: false, line: item.line });

    if (sourceId === undefined || !users.get(sourceId)?.imported) {
      yield membershipProblem(
        location,
        org.externalId,
        sourceId,
        'user_not_imported',
        "The membership belongs to a user that is not imported (see that user's problem).",
        'email',
      );
      continue;
    }
    // Several slugs in one row are several roles of one membership.
    yield {
      kind: 'membership',
      record: { organizationSourceId: org.externalId, userSourceId: sourceId, roles: org.roles, location },
    };
    if (org.roles.length === 0) {
      yield {
        kind: 'problem',
        problem: {
          ...membershipBase(location, org.externalId, sourceId, 'role_slugs'),
          code: 'default_role',
          message:
            "The row has no role_slugs; the membership gets the environment's default role (member unless changed).",
          severity: 'warning',
        },
      };
    }
  }

  for (const [externalId, org] of organizations) {
    if (!org.named) {
      yield organizationProblem(
        { file: path, line: org.line },
        externalId,
        'missing_name',
        'The organization has no org_name on any row; WorkOS requires a name. Add it to one of its rows.',
        'org_name',
      );
    }
  }
}

function digest(fingerprint: string | undefined): string {
  return createHash('sha256')
    .update(fingerprint ?? '')
    .digest('base64')
    .slice(0, 16);
}

/** The columns this reader takes (the WorkOS migrations CLI's, plus its plaintext `password`). */
const COLUMNS = [
  'email',
  'first_name',
  'last_name',
  'email_verified',
  'password_hash',
  'password_hash_type',
  'external_id',
  'metadata',
  'org_id',
  'org_external_id',
  'org_name',
  'role_slugs',
  'domains',
  // The WorkOS migrations tool's TOTP column: the user's Base32 secret, enrolled as a factor.
  'totp_secret',
];
/** As the messages name them (the plaintext `password` column is read, but never recommended). */
const COLUMN_LIST = COLUMNS.join(', ');
const GENERIC_CSV_COLUMNS = new Set([...COLUMNS, 'password']);

/** What a column that is not read was probably meant to be: names other exports use. */
const LIKELY_MEANT: Record<string, string> = {
  id: 'external_id',
  user_id: 'external_id',
  uid: 'external_id',
  organization_id: 'org_external_id',
  organization: 'org_name',
  organization_name: 'org_name',
  org: 'org_name',
  role: 'role_slugs',
  roles: 'role_slugs',
  given_name: 'first_name',
  family_name: 'last_name',
  verified: 'email_verified',
  hash: 'password_hash',
};

/**
 * Columns neither this reader nor the config's metadata map reads: a header that names the id
 * `id` instead of `external_id` would otherwise import every user without one, and no word.
 */
export function unreadColumns(names: readonly string[], config: GenericCsvOptions['config']): string[] {
  const mapped = new Set(Object.values(config.metadata.users).map((path) => path.split('.')[0]!));
  return names.filter((name) => name !== '' && !GENERIC_CSV_COLUMNS.has(name) && !mapped.has(name));
}

function unreadColumnsMessage(unread: readonly string[]): string {
  const hints = unread
    .filter((name) => Object.hasOwn(LIKELY_MEANT, name))
    .map((name) => `${name} → ${LIKELY_MEANT[name]}`);
  return (
    `Column${unread.length > 1 ? 's' : ''} ${unread.join(', ')} ${unread.length > 1 ? 'are' : 'is'} not read: the generic CSV takes ${COLUMN_LIST}. ` +
    (hints.length > 0 ? `Rename ${hints.join(', ')}; ` : '') +
    'to keep a column as user metadata, map it in the config (metadata.users).'
  );
}
