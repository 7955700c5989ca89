import { z } from 'zod';
import type { MappingConfig } from '../../config/mapping-config.js';
import { pickMetadataFields } from '../../config/metadata-fields.js';
import { mapAuth0Role, permissionSlug } from '../../config/roles.js';
import type { MembershipRecord, SourceRole, SourceItem, SourceLocation } from '../../model/types.js';
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

export interface Auth0OrganizationsOptions {
  path: string;
  config: MappingConfig;
}

// Auth0 has no organization export: people build this file from the Management API
// (GET /api/v2/organizations, then each organization's members and their roles):
// `{"organizations":[{id, name, display_name, metadata, members:[{user_id, roles:[{id,name}]}]}]}`,
// or the same array bare, or one organization a line.

const text = z.string().nullish();

const Auth0OrganizationSchema = z.looseObject({
  id: text,
  name: text,
  display_name: text,
  metadata: z.record(z.string(), z.unknown()).nullish(),
  members: z.array(z.unknown()).nullish(),
});

const Auth0MemberSchema = z.looseObject({
  user_id: text,
  // A role's permissions, when exported (GET /api/v2/roles/{id}/permissions): names or objects.
  roles: z
    .array(
      z.union([
        z.string(),
        z.looseObject({
          id: text,
          name: text,
          permissions: z.array(z.union([z.string(), z.looseObject({ permission_name: text })])).nullish(),
        }),
      ]),
    )
    .nullish(),
});

const AUTH0_MEMBERS: MemberList = {
  field: 'members',
  noun: 'member',
  userIdOf: (entry) => {
    const parsed = Auth0MemberSchema.safeParse(entry);
    return parsed.success ? parsed.data.user_id?.trim() || undefined : undefined;
  },
};

const FIELD_EXPECTATIONS: Record<string, string> = {
  metadata: 'an object',
  members: 'an array of member objects',
};

/**
 * Auth0 organizations and their members as canonical items. The organization's WorkOS name is
 * its `display_name` (Auth0's `name` is a slug, kept as metadata `auth0_name`); domains come
 * from `metadata.domains` (an array, or one comma-separated string, since Auth0 metadata
 * values are strings). Member roles go through the config's role map by name, then id.
 */
export async function* readAuth0Organizations(options: Auth0OrganizationsOptions): AsyncGenerator<SourceItem> {
  const { path, config } = options;
  for await (const item of readOrganizationObjects(path, 'organizations')) {
    if (item.kind !== 'object') {
      yield item;
      continue;
    }
    const { raw, location, id } = item;
    const parsed = Auth0OrganizationSchema.safeParse(raw);
    if (!parsed.success) {
      const { field, message } = wrongFieldType(parsed.error.issues[0]!, raw, FIELD_EXPECTATIONS);
      yield* invalidOrganization(
        location,
        id,
        'invalid_field_type',
        message,
        field,
        Array.isArray(raw.members) ? raw.members : [],
        AUTH0_MEMBERS,
      );
      continue;
    }
    const org = parsed.data;
    const members = org.members ?? [];
    if (!id) {
      yield* invalidOrganization(
        location,
        undefined,
        'missing_organization_id',
        'The organization has no id; it becomes the WorkOS external id, so it is required.',
        'id',
        members,
        AUTH0_MEMBERS,
      );
      continue;
    }
    const slug = org.name?.trim();
    const name = org.display_name?.trim() || slug;
    if (!name) {
      yield* invalidOrganization(
        location,
        id,
        'missing_name',
        'The organization has neither display_name nor name; WorkOS requires a name.',
        'display_name',
        members,
        AUTH0_MEMBERS,
      );
      continue;
    }
    const domains = metadataDomains(org.metadata?.domains);
    if (!domains.ok) {
      yield* invalidOrganization(
        location,
        id,
        'invalid_domain',
        domains.message,
        'metadata.domains',
        members,
        AUTH0_MEMBERS,
      );
      continue;
    }
    const metadata = checkMetadata({
      ...(slug ? { auth0_name: slug } : {}),
      ...pickMetadataFields(raw, config.metadata.organizations),
    });
    if (!metadata.ok) {
      yield* invalidOrganization(location, id, metadata.code, metadata.message, metadata.field, members, AUTH0_MEMBERS);
      continue;
    }
    yield {
      kind: 'organization',
      record: { sourceId: id, name, domains: domains.domains, metadata: metadata.metadata, location },
    };
    for (const [i, entry] of members.entries()) yield* auth0Membership(entry, i, id, location, config);
  }
}

function auth0Membership(
  entry: unknown,
  index: number,
  organizationSourceId: string,
  location: SourceLocation,
  config: MappingConfig,
): SourceItem[] {
  const field = `members[${index}]`;
  const parsed = Auth0MemberSchema.safeParse(entry);
  if (!parsed.success) {
    return [
      membershipProblem(
        location,
        organizationSourceId,
        undefined,
        'invalid_membership',
        `The member must be an object with a user_id and optional roles; this one is ${describeType(entry)} or has a field of the wrong type.`,
        field,
      ),
    ];
  }
  const userSourceId = parsed.data.user_id?.trim();
  if (!userSourceId) {
    return [
      membershipProblem(
        location,
        organizationSourceId,
        undefined,
        'missing_user_id',
        'The member has no user_id, so it names no user.',
        `${field}.user_id`,
      ),
    ];
  }
  const items: SourceItem[] = [];
  const roles = new Set<string>();
  const roleDetails: SourceRole[] = [];
  for (const [r, role] of (parsed.data.roles ?? []).entries()) {
    const source =
      typeof role === 'string'
        ? { name: role }
        : { ...(role.id ? { id: role.id } : {}), ...(role.name ? { name: role.name } : {}) };
    const mapped = mapAuth0Role(source, config);
    if (mapped.slug !== undefined) {
      roles.add(mapped.slug);
      const permissions = typeof role === 'string' ? [] : (role.permissions ?? []);
      roleDetails.push({
        slug: mapped.slug,
        name: source.name?.trim() || mapped.slug,
        permissions: [
          ...new Set(
            permissions
              .map((p) => permissionSlug(typeof p === 'string' ? p : (p.permission_name ?? '')))
              .filter((p) => p !== undefined),
          ),
        ].sort(),
      });
      continue;
    }
    items.push({
      kind: 'problem',
      problem: {
        ...membershipBase(location, organizationSourceId, userSourceId, `${field}.roles[${r}]`),
        code: 'default_role',
        message: `Role ${r + 1} of the member has no name to derive a WorkOS role slug from; map its id in the config's roles. Without another role the membership gets the environment's default role (member unless changed).`,
        severity: 'warning',
      },
    });
  }
  const record: MembershipRecord = {
    organizationSourceId,
    userSourceId,
    roles: [...roles],
    ...(roleDetails.length > 0 ? { roleDetails } : {}),
    location,
    userField: `${field}.user_id`,
  };
  items.push({ kind: 'membership', record });
  return items;
}

function metadataDomains(value: unknown): { ok: true; domains: string[] } | { ok: false; message: string } {
  if (value === undefined || value === null || value === '') return { ok: true, domains: [] };
  let list: unknown[];
  if (typeof value === 'string') list = value.split(',');
  else if (Array.isArray(value)) list = value;
  else
    return {
      ok: false,
      message: `metadata.domains must be an array of domain names or one comma-separated string, not ${describeType(value)}.`,
    };
  const domains: string[] = [];
  for (const [i, entry] of list.entries()) {
    const domain = typeof entry === 'string' ? entry.trim().toLowerCase() : '';
    if (domain === '' && typeof value === 'string') continue;
    if (!DOMAIN_NAME.test(domain))
      return { ok: false, message: `Domain ${i + 1} in metadata.domains is not a domain name (like example.com).` };
    domains.push(domain);
  }
  return { ok: true, domains };
}
