import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { IdGenerator } from './ids.js';
import { listPage, OrderedIds, type PageRequest } from './ordered-ids.js';
import { verifyPassword, type PasswordHashType } from './password-verify.js';
import {
  ApiError,
  badRequest,
  notFound,
  type DomainState,
  type Metadata,
  type MembershipStatus,
  type WireList,
  type WireMembership,
  type WireOrganization,
  type WireOrganizationDomain,
  type WirePermission,
  type WireRole,
  type WireUser,
} from './wire.js';

// The stand-in's state: one WorkOS environment's users, organizations, memberships and roles,
// with the uniqueness rules the API enforces. Every lookup the API offers is a map hit, and every
// list walks an id index kept in creation order, so 20,000 users cost no more per request than 20.
// Inputs arrive already checked for shape by the routes; this module answers for existence and
// uniqueness, with the API's own errors.

/** How a user's password is held: a password set through the API, or an imported hash. */
export type Credential =
  | { kind: 'password'; salt: Buffer; digest: Buffer }
  | { kind: 'hash'; type: PasswordHashType; hash: string };

export interface NewUser {
  email: string;
  email_verified: boolean;
  first_name: string | null;
  last_name: string | null;
  external_id: string | null;
  metadata: Metadata;
  credential?: Credential;
  /** Only for seeding: the API always makes its own. */
  id?: string;
}

export type UserChanges = Partial<Omit<NewUser, 'id'>> & { last_sign_in_at?: string };

export interface NewOrganization {
  name: string;
  external_id: string | null;
  metadata: Metadata;
  domains: Array<{ domain: string; state: DomainState }>;
  allow_profiles_outside_organization: boolean;
}

export type OrganizationChanges = Partial<NewOrganization> & { stripe_customer_id?: string };

/** Which body a duplicate email on create gets (see EmulatorOptions.duplicateEmailError). */
export type DuplicateEmailStyle = 'user_creation_error' | 'email_not_available';

type MembershipRecord = Omit<WireMembership, 'organization_name'>;

const DEFAULT_ROLE = 'member';

export class EmulatorStore {
  private readonly ids = new IdGenerator();
  private state = emptyState();

  constructor(
    private readonly options: { duplicateEmailStyle: DuplicateEmailStyle; now?: () => number } = {
      duplicateEmailStyle: 'user_creation_error',
    },
  ) {
    this.reset();
  }

  reset(): void {
    this.state = emptyState();
    this.defineRole('admin', 'Admin');
    this.defineRole('member', 'Member');
  }

  private timestamp(): string {
    return new Date((this.options.now ?? Date.now)()).toISOString();
  }

  // ---- users

  createUser(input: NewUser): WireUser {
    const emailKey = input.email.toLowerCase();
    if (this.state.usersByEmail.has(emailKey)) throw this.emailTakenOnCreate();
    if (input.external_id !== null && this.state.usersByExternalId.has(input.external_id))
      throw externalIdAlreadyUsed('user');
    const id = input.id ?? this.ids.next('user');
    if (this.state.users.has(id)) throw new Error(`a user with id ${id} already exists`);
    const now = this.timestamp();
    const user: WireUser = {
      object: 'user',
      id,
      email: input.email,
      email_verified: input.email_verified,
      first_name: input.first_name,
      last_name: input.last_name,
      profile_picture_url: null,
      last_sign_in_at: null,
      locale: null,
      external_id: input.external_id,
      metadata: { ...input.metadata },
      created_at: now,
      updated_at: now,
    };
    this.state.users.set(id, user);
    this.state.usersByEmail.set(emailKey, id);
    if (user.external_id !== null) this.state.usersByExternalId.set(user.external_id, id);
    this.state.userOrder.add(id);
    if (input.credential) this.state.credentials.set(id, input.credential);
    return copy(user);
  }

  getUser(id: string): WireUser {
    return copy(this.userRecord(id));
  }

  getUserByExternalId(externalId: string): WireUser {
    const id = this.state.usersByExternalId.get(externalId);
    if (id === undefined) throw notFound('User', externalId);
    return this.getUser(id);
  }

  listUsers(filter: { email?: string; organizationId?: string }, page: PageRequest): WireList<WireUser> {
    let candidates: OrderedIds = this.state.userOrder;
    if (filter.email !== undefined) {
      const id = this.state.usersByEmail.get(filter.email.toLowerCase());
      candidates = new OrderedIds(id === undefined ? [] : [id]);
    }
    if (filter.organizationId !== undefined) {
      const members = this.state.membershipsByOrganization.get(filter.organizationId)?.all() ?? [];
      const userIds = members.map((m) => this.state.memberships.get(m)!.user_id);
      const inScope = filter.email !== undefined ? new Set(candidates.all()) : undefined;
      candidates = OrderedIds.of(inScope ? userIds.filter((u) => inScope.has(u)) : userIds);
    }
    return listPage(candidates, page, (id) => this.getUser(id));
  }

  updateUser(id: string, changes: UserChanges): WireUser {
    const user = this.userRecord(id);
    if (changes.email !== undefined && changes.email.toLowerCase() !== user.email.toLowerCase()) {
      const owner = this.state.usersByEmail.get(changes.email.toLowerCase());
      if (owner !== undefined && owner !== id) throw badRequest('email_not_available', 'This email is not available.');
    }
    if (changes.external_id !== undefined && changes.external_id !== null) {
      const owner = this.state.usersByExternalId.get(changes.external_id);
      if (owner !== undefined && owner !== id) throw externalIdAlreadyUsed('user');
    }
    if (changes.email_verified === false && user.email_verified) {
      throw badRequest('email_already_verified', 'The user email has already been verified and cannot be unverified.');
    }
    if (changes.email !== undefined) {
      this.state.usersByEmail.delete(user.email.toLowerCase());
      this.state.usersByEmail.set(changes.email.toLowerCase(), id);
      user.email = changes.email;
    }
    if (changes.external_id !== undefined) {
      if (user.external_id !== null) this.state.usersByExternalId.delete(user.external_id);
      if (changes.external_id !== null) this.state.usersByExternalId.set(changes.external_id, id);
      user.external_id = changes.external_id;
    }
    if (changes.email_verified !== undefined) user.email_verified = changes.email_verified;
    if (changes.first_name !== undefined) user.first_name = changes.first_name;
    if (changes.last_name !== undefined) user.last_name = changes.last_name;
    if (changes.metadata !== undefined) user.metadata = { ...changes.metadata };
    if (changes.last_sign_in_at !== undefined) user.last_sign_in_at = changes.last_sign_in_at;
    if (changes.credential !== undefined) this.state.credentials.set(id, changes.credential);
    user.updated_at = this.timestamp();
    return copy(user);
  }

  deleteUser(id: string): void {
    const user = this.userRecord(id);
    for (const membershipId of [...(this.state.membershipsByUser.get(id)?.all() ?? [])])
      this.removeMembership(membershipId);
    this.state.users.delete(id);
    this.state.usersByEmail.delete(user.email.toLowerCase());
    if (user.external_id !== null) this.state.usersByExternalId.delete(user.external_id);
    this.state.userOrder.remove(id);
    this.state.credentials.delete(id);
  }

  /** The id of the user with this email (any case), if there is one. */
  userIdByEmail(email: string): string | undefined {
    return this.state.usersByEmail.get(email.toLowerCase());
  }

  /** The user whose password this is, or undefined (unknown email, no password, wrong password). */
  async checkPassword(email: string, password: string): Promise<WireUser | undefined> {
    const id = this.state.usersByEmail.get(email.toLowerCase());
    const credential = id === undefined ? undefined : this.state.credentials.get(id);
    if (id === undefined || credential === undefined) return undefined;
    const matches =
      credential.kind === 'password'
        ? sameDigest(passwordDigest(password, credential.salt), credential.digest)
        : await verifyPassword(password, credential);
    // The user may have been deleted while a slow hash was being checked.
    return matches && this.state.users.has(id) ? this.getUser(id) : undefined;
  }

  /** What kind of password a user holds, for test assertions; never sent over the API. */
  credentialOf(userId: string): { type: 'password' } | { type: PasswordHashType; hash: string } | undefined {
    const credential = this.state.credentials.get(userId);
    if (credential === undefined) return undefined;
    return credential.kind === 'password' ? { type: 'password' } : { type: credential.type, hash: credential.hash };
  }

  private userRecord(id: string): WireUser {
    const user = this.state.users.get(id);
    if (user === undefined) throw notFound('User', id);
    return user;
  }

  private emailTakenOnCreate(): ApiError {
    // The WorkOS OpenAPI description: a create refused for the email answers 400
    // user_creation_error with the reason in `errors` (the SDK's BadRequestException);
    // an update refused for it answers a top-level email_not_available.
    if (this.options.duplicateEmailStyle === 'user_creation_error') {
      return new ApiError(400, {
        code: 'user_creation_error',
        message: 'Could not create user.',
        errors: [{ code: 'email_not_available', message: 'This email is not available.' }],
      });
    }
    return badRequest('email_not_available', 'This email is not available.');
  }

  // ---- organizations

  createOrganization(input: NewOrganization): WireOrganization {
    if (input.external_id !== null && this.state.organizationsByExternalId.has(input.external_id))
      throw externalIdAlreadyUsed('organization');
    const id = this.ids.next('org');
    const now = this.timestamp();
    const organization: WireOrganization = {
      object: 'organization',
      id,
      name: input.name,
      allow_profiles_outside_organization: input.allow_profiles_outside_organization,
      domains: this.makeDomains(id, input.domains, now),
      external_id: input.external_id,
      metadata: { ...input.metadata },
      created_at: now,
      updated_at: now,
    };
    this.state.organizations.set(id, organization);
    if (organization.external_id !== null) this.state.organizationsByExternalId.set(organization.external_id, id);
    this.state.organizationOrder.add(id);
    return copy(organization);
  }

  getOrganization(id: string): WireOrganization {
    return copy(this.organizationRecord(id));
  }

  getOrganizationByExternalId(externalId: string): WireOrganization {
    const id = this.state.organizationsByExternalId.get(externalId);
    if (id === undefined) throw notFound('Organization', externalId);
    return this.getOrganization(id);
  }

  listOrganizations(filter: { domains?: string[]; search?: string }, page: PageRequest): WireList<WireOrganization> {
    let candidates = this.state.organizationOrder;
    if (filter.domains !== undefined || filter.search !== undefined) {
      const domains = filter.domains?.map((d) => d.toLowerCase());
      const search = filter.search?.toLowerCase();
      const matching = [...this.state.organizations.values()].filter(
        (o) =>
          (domains === undefined || o.domains.some((d) => domains.includes(d.domain.toLowerCase()))) &&
          (search === undefined || o.name.toLowerCase().includes(search)),
      );
      candidates = OrderedIds.of(matching.map((o) => o.id));
    }
    return listPage(candidates, page, (id) => this.getOrganization(id));
  }

  updateOrganization(id: string, changes: OrganizationChanges): WireOrganization {
    const organization = this.organizationRecord(id);
    if (changes.external_id !== undefined && changes.external_id !== null) {
      const owner = this.state.organizationsByExternalId.get(changes.external_id);
      if (owner !== undefined && owner !== id) throw externalIdAlreadyUsed('organization');
    }
    const now = this.timestamp();
    if (changes.external_id !== undefined) {
      if (organization.external_id !== null) this.state.organizationsByExternalId.delete(organization.external_id);
      if (changes.external_id !== null) this.state.organizationsByExternalId.set(changes.external_id, id);
      organization.external_id = changes.external_id;
    }
    if (changes.name !== undefined) organization.name = changes.name;
    if (changes.metadata !== undefined) organization.metadata = { ...changes.metadata };
    if (changes.domains !== undefined) organization.domains = this.makeDomains(id, changes.domains, now);
    if (changes.allow_profiles_outside_organization !== undefined)
      organization.allow_profiles_outside_organization = changes.allow_profiles_outside_organization;
    if (changes.stripe_customer_id !== undefined) organization.stripe_customer_id = changes.stripe_customer_id;
    organization.updated_at = now;
    return copy(organization);
  }

  deleteOrganization(id: string): void {
    const organization = this.organizationRecord(id);
    for (const membershipId of [...(this.state.membershipsByOrganization.get(id)?.all() ?? [])])
      this.removeMembership(membershipId);
    this.state.organizations.delete(id);
    if (organization.external_id !== null) this.state.organizationsByExternalId.delete(organization.external_id);
    this.state.organizationOrder.remove(id);
  }

  private organizationRecord(id: string): WireOrganization {
    const organization = this.state.organizations.get(id);
    if (organization === undefined) throw notFound('Organization', id);
    return organization;
  }

  private makeDomains(
    organizationId: string,
    domains: NewOrganization['domains'],
    now: string,
  ): WireOrganizationDomain[] {
    return domains.map(({ domain, state }) => ({
      object: 'organization_domain',
      id: this.ids.next('org_domain'),
      organization_id: organizationId,
      domain,
      state,
      // Domains set through the API as verified are verified by the caller's say-so.
      verification_strategy: state === 'verified' ? 'manual' : 'dns',
      created_at: now,
      updated_at: now,
    }));
  }

  // ---- memberships

  createMembership(input: { userId: string; organizationId: string; roleSlugs?: string[] }): WireMembership {
    this.organizationRecord(input.organizationId);
    this.userRecord(input.userId);
    const slugs = this.checkedRoles(input.roleSlugs);
    // The API does not document this answer (DESIGN §7); a 400 with a code that says so.
    if (this.state.membershipsByPair.has(pairKey(input.userId, input.organizationId))) {
      throw badRequest('organization_membership_already_exists', 'The user is already a member of this organization.');
    }
    const id = this.ids.next('om');
    const now = this.timestamp();
    const membership: MembershipRecord = {
      object: 'organization_membership',
      id,
      user_id: input.userId,
      organization_id: input.organizationId,
      status: 'active',
      directory_managed: false,
      role: { slug: slugs[0]! },
      roles: slugs.map((slug) => ({ slug })),
      custom_attributes: {},
      created_at: now,
      updated_at: now,
    };
    this.state.memberships.set(id, membership);
    this.state.membershipsByPair.set(pairKey(input.userId, input.organizationId), id);
    indexOf(this.state.membershipsByUser, input.userId).add(id);
    indexOf(this.state.membershipsByOrganization, input.organizationId).add(id);
    return this.membershipWire(membership);
  }

  getMembership(id: string): WireMembership {
    return this.membershipWire(this.membershipRecord(id));
  }

  listMemberships(
    filter: { userId?: string; organizationId?: string; statuses?: MembershipStatus[] },
    page: PageRequest,
  ): WireList<WireMembership> {
    let candidates: OrderedIds;
    if (filter.userId !== undefined && filter.organizationId !== undefined) {
      const id = this.state.membershipsByPair.get(pairKey(filter.userId, filter.organizationId));
      candidates = new OrderedIds(id === undefined ? [] : [id]);
    } else if (filter.userId !== undefined) {
      candidates = this.state.membershipsByUser.get(filter.userId) ?? new OrderedIds();
    } else {
      candidates = this.state.membershipsByOrganization.get(filter.organizationId ?? '') ?? new OrderedIds();
    }
    // Memberships made through this API are all active (there are no invitations or
    // deactivation here), so a status filter either keeps every one or none.
    if (!(filter.statuses ?? ['active']).includes('active')) candidates = new OrderedIds();
    return listPage(candidates, page, (id) => this.getMembership(id));
  }

  updateMembership(id: string, roleSlugs: string[] | undefined): WireMembership {
    const membership = this.membershipRecord(id);
    if (roleSlugs !== undefined) {
      const slugs = this.checkedRoles(roleSlugs);
      membership.role = { slug: slugs[0]! };
      membership.roles = slugs.map((slug) => ({ slug }));
    }
    membership.updated_at = this.timestamp();
    return this.membershipWire(membership);
  }

  deleteMembership(id: string): void {
    this.membershipRecord(id);
    this.removeMembership(id);
  }

  private removeMembership(id: string): void {
    const membership = this.state.memberships.get(id);
    if (membership === undefined) return;
    this.state.memberships.delete(id);
    this.state.membershipsByPair.delete(pairKey(membership.user_id, membership.organization_id));
    this.state.membershipsByUser.get(membership.user_id)?.remove(id);
    this.state.membershipsByOrganization.get(membership.organization_id)?.remove(id);
  }

  /** The user's active memberships, oldest first. */
  activeMembershipsOf(userId: string): WireMembership[] {
    const ids = this.state.membershipsByUser.get(userId)?.all() ?? [];
    return ids.map((id) => this.getMembership(id)).filter((m) => m.status === 'active');
  }

  private membershipRecord(id: string): MembershipRecord {
    const membership = this.state.memberships.get(id);
    if (membership === undefined) throw notFound('Organization membership', id);
    return membership;
  }

  private membershipWire(membership: MembershipRecord): WireMembership {
    // Computed on read so a renamed organization shows its new name in every membership.
    const { object, id, user_id, organization_id, ...rest } = copy(membership);
    return {
      object,
      id,
      user_id,
      organization_id,
      organization_name: this.state.organizations.get(organization_id)?.name ?? '',
      ...rest,
    };
  }

  private checkedRoles(slugs: string[] | undefined): string[] {
    const wanted = slugs === undefined || slugs.length === 0 ? [DEFAULT_ROLE] : [...new Set(slugs)];
    const unknown = wanted.find((slug) => !this.state.roles.has(slug));
    if (unknown !== undefined)
      throw new ApiError(422, { code: 'invalid_role', message: `Role '${unknown}' is not a valid role.` });
    return wanted;
  }

  // ---- roles

  defineRole(slug: string, name?: string): void {
    if (this.state.roles.has(slug)) return;
    const now = this.timestamp();
    this.state.roles.set(slug, {
      object: 'role',
      id: this.ids.next('role'),
      name: name ?? slug,
      slug,
      description: null,
      permissions: [],
      resource_type_slug: 'organization',
      type: 'EnvironmentRole',
      created_at: now,
      updated_at: now,
    });
  }

  listRoles(): WireRole[] {
    return [...this.state.roles.values()].map(copy);
  }

  /** POST /authorization/roles: 409 role_slug_conflict for a slug the environment has. */
  createRole(input: { slug: string; name: string; description?: string | null }): WireRole {
    if (!/^[a-z0-9_-]{1,48}$/.test(input.slug))
      throw new ApiError(400, {
        code: 'bad_request',
        message: 'The slug can only contain lowercase letters, numbers, hyphens, and underscores.',
      });
    if (this.state.roles.has(input.slug))
      throw new ApiError(409, {
        code: 'role_slug_conflict',
        message: `A role with slug '${input.slug}' already exists.`,
      });
    this.defineRole(input.slug, input.name);
    const role = this.state.roles.get(input.slug)!;
    role.description = input.description ?? null;
    return copy(role);
  }

  /** PUT /authorization/roles/{slug}/permissions: replaces the role's permissions; each must exist. */
  setRolePermissions(slug: string, permissions: string[]): WireRole {
    const role = this.state.roles.get(slug);
    if (!role) throw new ApiError(404, { message: `Role not found: '${slug}'.` });
    const unknown = permissions.find((p) => !this.state.permissions.has(p));
    if (unknown !== undefined) throw new ApiError(422, { message: `Permission not found: '${unknown}'.` });
    role.permissions = [...new Set(permissions)];
    role.updated_at = this.timestamp();
    return copy(role);
  }

  /** POST /authorization/permissions: 409 permission_slug_conflict for a slug the environment has. */
  createPermission(input: { slug: string; name: string; description?: string | null }): WirePermission {
    if (!/^[a-z0-9\-_:.*]{1,48}$/.test(input.slug))
      throw new ApiError(400, {
        code: 'bad_request',
        message:
          'The slug must be lowercase and contain only letters, numbers, hyphens, underscores, colons, periods, and asterisks.',
      });
    if (this.state.permissions.has(input.slug))
      throw new ApiError(409, {
        code: 'permission_slug_conflict',
        message: `A permission with slug '${input.slug}' already exists.`,
      });
    const now = this.timestamp();
    const permission: WirePermission = {
      object: 'permission',
      id: this.ids.next('perm'),
      slug: input.slug,
      name: input.name,
      description: input.description ?? null,
      resource_type_slug: 'organization',
      system: false,
      created_at: now,
      updated_at: now,
    };
    this.state.permissions.set(input.slug, permission);
    return copy(permission);
  }

  listPermissions(page: PageRequest): WireList<WirePermission> {
    const order = OrderedIds.of([...this.state.permissions.values()].map((p) => p.id));
    const bySlugId = new Map([...this.state.permissions.values()].map((p) => [p.id, p]));
    return listPage(order, page, (id) => copy(bySlugId.get(id)!));
  }

  /** DELETE /authorization/permissions/{slug}: the roles that held it lose it. */
  deletePermission(slug: string): void {
    if (!this.state.permissions.delete(slug)) throw new ApiError(404, { message: `Permission not found: '${slug}'.` });
    for (const role of this.state.roles.values()) role.permissions = role.permissions.filter((p) => p !== slug);
  }

  // ---- whole state

  snapshot(): { users: WireUser[]; organizations: WireOrganization[]; memberships: WireMembership[] } {
    return {
      users: this.state.userOrder.all().map((id) => this.getUser(id)),
      organizations: this.state.organizationOrder.all().map((id) => this.getOrganization(id)),
      memberships: OrderedIds.of(this.state.memberships.keys())
        .all()
        .map((id) => this.getMembership(id)),
    };
  }
}

function emptyState() {
  return {
    users: new Map<string, WireUser>(),
    usersByEmail: new Map<string, string>(),
    usersByExternalId: new Map<string, string>(),
    userOrder: new OrderedIds(),
    credentials: new Map<string, Credential>(),
    organizations: new Map<string, WireOrganization>(),
    organizationsByExternalId: new Map<string, string>(),
    organizationOrder: new OrderedIds(),
    memberships: new Map<string, MembershipRecord>(),
    membershipsByUser: new Map<string, OrderedIds>(),
    membershipsByOrganization: new Map<string, OrderedIds>(),
    membershipsByPair: new Map<string, string>(),
    roles: new Map<string, WireRole>(),
    permissions: new Map<string, WirePermission>(),
  };
}

export function passwordCredential(password: string): Credential {
  const salt = randomBytes(16);
  return { kind: 'password', salt, digest: passwordDigest(password, salt) };
}

// Passwords set in plain text only live in this process's memory: a salted SHA-256 is enough
// and keeps bulk tests fast (the imported hashes are what gets verified faithfully).
function passwordDigest(password: string, salt: Buffer): Buffer {
  return createHash('sha256').update(salt).update(password).digest();
}

function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function externalIdAlreadyUsed(entity: 'user' | 'organization'): ApiError {
  return badRequest('external_id_already_used', `The external_id is already assigned to another ${entity}.`);
}

function pairKey(userId: string, organizationId: string): string {
  return `${userId} ${organizationId}`;
}

function indexOf(indexes: Map<string, OrderedIds>, key: string): OrderedIds {
  let index = indexes.get(key);
  if (index === undefined) {
    index = new OrderedIds();
    indexes.set(key, index);
  }
  return index;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}
