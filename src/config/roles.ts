import type { MappingConfig } from './mapping-config.js';

/**
 * A source role in WorkOS terms. `slug` undefined means no slug could be derived: the
 * membership gets the environment's default role (`member` unless changed in WorkOS) and the
 * reader warns, because that may not be what the source meant.
 */
export interface MappedRole {
  slug?: string;
  /** True when the config's role map named the role; false for a derived default. */
  fromConfig: boolean;
}

/**
 * A Clerk organization role (`org:admin`, `org:billing_manager`). The role map is looked up by
 * the full key, then without `org:`; by default the slug is the key without `org:`, which is
 * what Clerk's default roles (`org:admin`, `org:member`) need to meet WorkOS's `admin` and
 * `member`.
 */
export function mapClerkRole(role: string, config: MappingConfig): MappedRole {
  const key = role.trim();
  const bare = key.startsWith('org:') ? key.slice('org:'.length) : key;
  const mapped = roleFor(config, key) ?? roleFor(config, bare);
  if (mapped !== undefined) return { slug: mapped, fromConfig: true };
  return bare === '' ? { fromConfig: false } : { slug: bare, fromConfig: false };
}

/**
 * An Auth0 organization member role (`{id: "rol_…", name: "Billing Admin"}`). The role map is
 * looked up by name, then by id; by default the slug is the name, lower-cased, with every run
 * of other characters turned into one hyphen (`Billing Admin` → `billing-admin`).
 */
export function mapAuth0Role(role: { id?: string; name?: string }, config: MappingConfig): MappedRole {
  const name = role.name?.trim();
  const id = role.id?.trim();
  const mapped = (name ? roleFor(config, name) : undefined) ?? (id ? roleFor(config, id) : undefined);
  if (mapped !== undefined) return { slug: mapped, fromConfig: true };
  const slug = name ? slugify(name) : '';
  return slug === '' ? { fromConfig: false } : { slug, fromConfig: false };
}

/** A role map lookup that only sees the map's own keys (`constructor` is a role name, not Object). */
function roleFor(config: MappingConfig, role: string): string | undefined {
  return Object.hasOwn(config.roles, role) ? config.roles[role] : undefined;
}

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A Clerk permission key (`org:invoices:create`, `org:sys_memberships:manage`) as a WorkOS
 * permission slug: without `org:`, then as permissionSlug.
 */
export function clerkPermissionSlug(key: string): string | undefined {
  const trimmed = key.trim();
  return permissionSlug(trimmed.startsWith('org:') ? trimmed.slice('org:'.length) : trimmed);
}

/**
 * A source permission (Auth0 `read:invoices`) as a WorkOS permission slug: lower-cased, every
 * run of characters WorkOS refuses (it takes letters, digits, `-`, `_`, `:`, `.` and `*`)
 * turned into `-`. Undefined when nothing is left.
 */
export function permissionSlug(key: string): string | undefined {
  const slug = key
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9\-_:.*]+/g, '-');
  return slug === '' ? undefined : slug;
}

/**
 * A role's display name when the source gives none (a Clerk membership without `role_name`,
 * a CSV `role_slugs` entry): the key's words capitalized (`billing_manager` → `Billing Manager`).
 */
export function roleNameFromKey(key: string): string {
  const bare = key.startsWith('org:') ? key.slice('org:'.length) : key;
  return bare
    .split(/[\s_\-:]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
