import { z } from 'zod';
import type { MappingConfig } from '../../config/mapping-config.js';
import { pickMetadataFields } from '../../config/metadata-fields.js';
import { clerkPermissionSlug, mapClerkRole, roleNameFromKey } from '../../config/roles.js';
import { readTextHead } from '../../io/byte-stream.js';
import type { MembershipRecord, SourceItem, SourceLocation } from '../../model/types.js';
import { checkMetadata, describeType } from '../../model/validate.js';
import {
  DOMAIN_NAME,
  invalidOrganization,
  type MemberList,
  membershipBase,
  membershipProblem,
  readOrganizationObjects,
} from '../organization-files.js';
import { wrongFieldType } from '../../model/problems.js';

export interface ClerkOrganizationsOptions {
  path: string;
  config: MappingConfig;
}

// Clerk has no organization export: people save Backend API objects, either collected under
// `organizations` (with each organization's memberships) or as the API's own pages,
// `{"data":[…],"total_count":n}`, one or several, or a bare array.

const text = z.string().nullish();

const ClerkOrganizationSchema = z.looseObject({
  id: text,
  name: text,
  slug: text,
  public_metadata: z.record(z.string(), z.unknown()).nullish(),
  private_metadata: z.record(z.string(), z.unknown()).nullish(),
  // Backend API domain objects carry `verification: {status: "verified" | "unverified", …}`.
  domains: z
    .array(
      z.union([z.string(), z.looseObject({ name: text, verification: z.looseObject({ status: text }).nullish() })]),
    )
    .nullish(),
  memberships: z.array(z.unknown()).nullish(),
});

const ClerkMembershipSchema = z.looseObject({
  role: text,
  role_name: text,
  permissions: z.array(z.string()).nullish(),
  user_id: text,
  public_user_data: z.looseObject({ user_id: text }).nullish(),
});

const CLERK_MEMBERSHIPS: MemberList = { field: 'memberships', noun: 'membership', userIdOf: memberUserId };

const FIELD_EXPECTATIONS: Record<string, string> = {
  public_metadata: 'an object',
  private_metadata: 'an object',
  domains: 'an array of domain names',
  memberships: 'an array of membership objects',
};

/**
 * Clerk organizations and their memberships as canonical items. Roles `org:<key>` go through
 * the config's role map (by default `org:` is stripped). Memberships point at the line of
 * their organization, with the field naming the entry (`memberships[2]`).
 */
export async function* readClerkOrganizations(options: ClerkOrganizationsOptions): AsyncGenerator<SourceItem> {
  const { path, config } = options;
  const arrayKey = await wrapperKey(path);
  for await (const item of readOrganizationObjects(path, arrayKey)) {
    if (item.kind !== 'object') {
      yield item;
      continue;
    }
    const { raw, location, id: guessedId } = item;
    const parsed = ClerkOrganizationSchema.safeParse(raw);
    if (!parsed.success) {
      const { field, message } = wrongFieldType(parsed.error.issues[0]!, raw, FIELD_EXPECTATIONS);
      yield* invalidOrganization(
        location,
        guessedId,
        'invalid_field_type',
        message,
        field,
        membersOf(raw),
        CLERK_MEMBERSHIPS,
      );
      continue;
    }
    const org = parsed.data;
    const members = org.memberships ?? [];
    if (!guessedId) {
      yield* invalidOrganization(
        location,
        undefined,
        'missing_organization_id',
        'The organization has no id; it becomes the WorkOS external id, so it is required.',
        'id',
        members,
        CLERK_MEMBERSHIPS,
      );
      continue;
    }
    const name = org.name?.trim();
    if (!name) {
      yield* invalidOrganization(
        location,
        guessedId,
        'missing_name',
        'The organization has no name; WorkOS requires one.',
        'name',
        members,
        CLERK_MEMBERSHIPS,
      );
      continue;
    }
    const domains = domainNames(
      (org.domains ?? []).map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? ''))),
    );
    if (!domains.ok) {
      yield* invalidOrganization(
        location,
        guessedId,
        'invalid_domain',
        `Domain ${domains.index + 1} of the organization is not a domain name (like example.com).`,
        `domains[${domains.index}]`,
        members,
        CLERK_MEMBERSHIPS,
      );
      continue;
    }

    // A plain string is a name only: nothing says Clerk verified it.
    const verifiedDomains = (org.domains ?? [])
      .filter((entry) => typeof entry !== 'string' && entry.verification?.status === 'verified')
      .map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? '')).trim().toLowerCase());
    const slug = org.slug?.trim();
    const metadata = checkMetadata({
      ...(slug ? { clerk_slug: slug } : {}),
      ...pickMetadataFields(raw, config.metadata.organizations),
    });
    if (!metadata.ok) {
      yield* invalidOrganization(
        location,
        guessedId,
        metadata.code,
        metadata.message,
        metadata.field,
        members,
        CLERK_MEMBERSHIPS,
      );
      continue;
    }
    yield {
      kind: 'organization',
      record: {
        sourceId: guessedId,
        name,
        domains: domains.domains,
        ...(verifiedDomains.length > 0 ? { verifiedDomains } : {}),
        metadata: metadata.metadata,
        location,
      },
    };
    for (const [i, entry] of members.entries()) yield* clerkMembership(entry, i, guessedId, location, config);
  }
}

function clerkMembership(
  entry: unknown,
  index: number,
  organizationSourceId: string,
  location: SourceLocation,
  config: MappingConfig,
): SourceItem[] {
  const field = `memberships[${index}]`;
  const parsed = ClerkMembershipSchema.safeParse(entry);
  if (!parsed.success) {
    return [
      membershipProblem(
        location,
        organizationSourceId,
        undefined,
        'invalid_membership',
        `The membership must be an object with a role and public_user_data.user_id; this one is ${describeType(entry)} or has a field of the wrong type.`,
        field,
      ),
    ];
  }
  const userSourceId = (parsed.data.public_user_data?.user_id ?? parsed.data.user_id)?.trim();
  if (!userSourceId) {
    return [
      membershipProblem(
        location,
        organizationSourceId,
        undefined,
        'missing_user_id',
        'The membership has no public_user_data.user_id, so it names no user.',
        `${field}.public_user_data.user_id`,
      ),
    ];
  }
  const items: SourceItem[] = [];
  const role = parsed.data.role?.trim();
  const mapped = role ? mapClerkRole(role, config) : { fromConfig: false };
  if (mapped.slug === undefined) {
    items.push({
      kind: 'problem',
      problem: {
        ...membershipBase(location, organizationSourceId, userSourceId, `${field}.role`),
        code: 'default_role',
        message: role
          ? `The role ${role} maps to no WorkOS role slug; the membership gets the environment's default role (member unless changed). Map it in the config's roles.`
          : "The membership has no role; it gets the environment's default role (member unless changed).",
        severity: 'warning',
      },
    });
  }
  const record: MembershipRecord = {
    organizationSourceId,
    userSourceId,
    roles: mapped.slug ? [mapped.slug] : [],
    ...(mapped.slug && role
      ? {
          roleDetails: [
            {
              slug: mapped.slug,
              name: parsed.data.role_name?.trim() || roleNameFromKey(role),
              permissions: [
                ...new Set((parsed.data.permissions ?? []).map(clerkPermissionSlug).filter((p) => p !== undefined)),
              ].sort(),
            },
          ],
        }
      : {}),
    location,
    userField: `${field}.${parsed.data.public_user_data?.user_id !== undefined ? 'public_user_data.user_id' : 'user_id'}`,
  };
  items.push({ kind: 'membership', record });
  return items;
}

function membersOf(raw: Record<string, unknown>): unknown[] {
  return Array.isArray(raw.memberships) ? raw.memberships : [];
}

function memberUserId(entry: unknown): string | undefined {
  const parsed = ClerkMembershipSchema.safeParse(entry);
  if (!parsed.success) return undefined;
  return (parsed.data.public_user_data?.user_id ?? parsed.data.user_id)?.trim() || undefined;
}

/** Domain names, trimmed and lower-cased, or the index of the first one that is not a domain. */
function domainNames(values: string[]): { ok: true; domains: string[] } | { ok: false; index: number } {
  const domains = values.map((value) => value.trim().toLowerCase());
  const index = domains.findIndex((domain) => !DOMAIN_NAME.test(domain));
  return index < 0 ? { ok: true, domains } : { ok: false, index };
}

/**
 * Which key holds the organizations: `organizations` (our layout) or `data` (Backend API
 * pages). Decided by whichever of the two appears first in the file's opening bytes, before
 * any organization's own fields could.
 */
async function wrapperKey(path: string): Promise<string> {
  const match = /"(organizations|data)"\s*:\s*\[/.exec(await readTextHead(path));
  return match ? match[1]! : 'organizations';
}
