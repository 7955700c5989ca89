import { GenericServerException, NotFoundException, UnprocessableEntityException, type WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { rejectionOf, sdkFor } from './sdk-client.js';

let emulator: Emulator;
let workos: WorkOS;

beforeAll(async () => {
  emulator = await startEmulator();
  workos = sdkFor(emulator);
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

describe('organizations through the real SDK', () => {
  it('creates an organization with domains and finds it by id and by external id', async () => {
    const org = await workos.organizations.createOrganization({
      name: 'Acme',
      externalId: 'org_auth0_acme',
      metadata: { tier: 'gold' },
      domainData: [{ domain: 'acme.com', state: 'verified' as never }],
    });
    expect(org).toMatchObject({
      object: 'organization',
      name: 'Acme',
      externalId: 'org_auth0_acme',
      metadata: { tier: 'gold' },
      allowProfilesOutsideOrganization: false,
    });
    expect(org.id).toMatch(/^org_/);
    expect(org.domains).toMatchObject([{ domain: 'acme.com', state: 'verified', organizationId: org.id }]);
    expect(await workos.organizations.getOrganization(org.id)).toEqual(org);
    expect(await workos.organizations.getOrganizationByExternalId('org_auth0_acme')).toEqual(org);
    expect(await rejectionOf(workos.organizations.getOrganizationByExternalId('org_nobody'))).toBeInstanceOf(
      NotFoundException,
    );
  });

  it('keeps external ids unique across organizations', async () => {
    await workos.organizations.createOrganization({ name: 'Acme', externalId: 'x1' });
    const error = await rejectionOf(workos.organizations.createOrganization({ name: 'Acme again', externalId: 'x1' }));
    expect(error).toBeInstanceOf(GenericServerException);
    expect(error).toMatchObject({ status: 400, code: 'external_id_already_used' });
    expect(emulator.snapshot().organizations).toHaveLength(1);
  });

  it('lists organizations in pages and by domain, updates and deletes them', async () => {
    const created = [];
    for (let i = 0; i < 12; i++)
      created.push(
        await workos.organizations.createOrganization({
          name: `Org ${i}`,
          domainData: [{ domain: `org${i}.com`, state: 'pending' as never }],
        }),
      );
    const page = await workos.organizations.listOrganizations({ limit: 5, order: 'asc' });
    expect(page.data.map((o) => o.name)).toEqual(['Org 0', 'Org 1', 'Org 2', 'Org 3', 'Org 4']);
    const next = await workos.organizations.listOrganizations({
      limit: 5,
      order: 'asc',
      after: page.listMetadata.after!,
    });
    expect(next.data[0]!.name).toBe('Org 5');
    expect((await workos.organizations.listOrganizations({ domains: ['org7.com'] })).data.map((o) => o.name)).toEqual([
      'Org 7',
    ]);

    const renamed = await workos.organizations.updateOrganization({
      organization: created[0]!.id,
      name: 'Renamed',
      externalId: 'x9',
      metadata: { a: 'b' },
    });
    expect(renamed).toMatchObject({
      name: 'Renamed',
      externalId: 'x9',
      metadata: { a: 'b' },
      domains: [{ domain: 'org0.com' }],
    });
    await workos.organizations.deleteOrganization(created[1]!.id);
    expect(emulator.snapshot().organizations).toHaveLength(11);
  });
});

describe('memberships and roles through the real SDK', () => {
  async function userAndOrg(n: number) {
    const user = await workos.userManagement.createUser({ email: `user${n}@example.com` });
    const org = await workos.organizations.createOrganization({ name: `Org ${n}` });
    return { user, org };
  }

  it('creates a membership with the default role and lists it by user and by organization', async () => {
    const { user, org } = await userAndOrg(1);
    const other = await workos.userManagement.createUser({ email: 'other@example.com' });
    const membership = await workos.userManagement.createOrganizationMembership({
      userId: user.id,
      organizationId: org.id,
    });
    await workos.userManagement.createOrganizationMembership({
      userId: other.id,
      organizationId: org.id,
      roleSlug: 'admin',
    });
    expect(membership).toMatchObject({
      object: 'organization_membership',
      userId: user.id,
      organizationId: org.id,
      organizationName: 'Org 1',
      status: 'active',
      role: { slug: 'member' },
      roles: [{ slug: 'member' }],
    });
    expect(membership.id).toMatch(/^om_/);

    const byUser = await workos.userManagement.listOrganizationMemberships({ userId: user.id });
    expect(byUser.data.map((m) => m.id)).toEqual([membership.id]);
    const byOrg = await workos.userManagement.listOrganizationMemberships({ organizationId: org.id });
    expect(byOrg.data.map((m) => m.role.slug).sort()).toEqual(['admin', 'member']);
    const both = await workos.userManagement.listOrganizationMemberships({
      userId: other.id,
      organizationId: org.id,
      limit: 1,
    });
    expect(both.data.map((m) => m.role.slug)).toEqual(['admin']);
    expect(
      (await workos.userManagement.listOrganizationMemberships({ organizationId: org.id, statuses: ['inactive'] }))
        .data,
    ).toEqual([]);
    expect(await workos.userManagement.getOrganizationMembership(membership.id)).toEqual(membership);
  });

  it('pages through an organization with 150 members', async () => {
    const org = await workos.organizations.createOrganization({ name: 'Big' });
    const ids: string[] = [];
    for (let i = 0; i < 150; i += 30) {
      const batch = await Promise.all(
        Array.from({ length: 30 }, async (_, j) => {
          const user = await workos.userManagement.createUser({ email: `m${i + j}@example.com` });
          return (await workos.userManagement.createOrganizationMembership({ userId: user.id, organizationId: org.id }))
            .id;
        }),
      );
      ids.push(...batch);
    }
    const all = await (
      await workos.userManagement.listOrganizationMemberships({ organizationId: org.id })
    ).autoPagination();
    expect(all.map((m) => m.id).sort()).toEqual(ids.sort());
  });

  it('refuses a second membership for the same user and organization, with a code that says it exists', async () => {
    const { user, org } = await userAndOrg(1);
    await workos.userManagement.createOrganizationMembership({ userId: user.id, organizationId: org.id });
    const error = await rejectionOf(
      workos.userManagement.createOrganizationMembership({
        userId: user.id,
        organizationId: org.id,
        roleSlug: 'admin',
      }),
    );
    expect(error).toBeInstanceOf(GenericServerException);
    expect(error).toMatchObject({ status: 400, code: 'organization_membership_already_exists' });
    expect(emulator.snapshot().memberships).toHaveLength(1);
  });

  it('refuses unknown users, organizations and roles', async () => {
    const { user, org } = await userAndOrg(1);
    expect(
      await rejectionOf(
        workos.userManagement.createOrganizationMembership({ userId: 'user_01NOPE', organizationId: org.id }),
      ),
    ).toBeInstanceOf(NotFoundException);
    expect(
      await rejectionOf(
        workos.userManagement.createOrganizationMembership({ userId: user.id, organizationId: 'org_01NOPE' }),
      ),
    ).toBeInstanceOf(NotFoundException);
    const badRole = await rejectionOf(
      workos.userManagement.createOrganizationMembership({
        userId: user.id,
        organizationId: org.id,
        roleSlug: 'owner',
      }),
    );
    expect(badRole).toBeInstanceOf(UnprocessableEntityException);
    expect(badRole).toMatchObject({ code: 'invalid_role', message: "Role 'owner' is not a valid role." });
    expect(emulator.snapshot().memberships).toEqual([]);
  });

  it('needs a user or an organization to list memberships', async () => {
    // The SDK's types require one of the two; a hand-written call may still leave both out.
    const error = await rejectionOf(workos.userManagement.listOrganizationMemberships({} as { userId: string }));
    expect(error).toMatchObject({ status: 400, code: 'missing_user_id_or_organization_id' });
  });

  it('changes roles, including several at once, and deletes memberships', async () => {
    emulator.defineRole('billing', 'Billing');
    const { user, org } = await userAndOrg(1);
    const membership = await workos.userManagement.createOrganizationMembership({
      userId: user.id,
      organizationId: org.id,
      roleSlugs: ['billing', 'admin'],
    });
    expect(membership.roles).toEqual([{ slug: 'billing' }, { slug: 'admin' }]);
    const updated = await workos.userManagement.updateOrganizationMembership(membership.id, { roleSlug: 'member' });
    expect(updated).toMatchObject({ role: { slug: 'member' }, roles: [{ slug: 'member' }] });
    await workos.userManagement.deleteOrganizationMembership(membership.id);
    expect(emulator.snapshot().memberships).toEqual([]);
    expect(await rejectionOf(workos.userManagement.getOrganizationMembership(membership.id))).toBeInstanceOf(
      NotFoundException,
    );
  });

  it('lists the environment roles, for the environment and for an organization', async () => {
    emulator.defineRole('billing', 'Billing');
    const org = await workos.organizations.createOrganization({ name: 'Acme' });
    const orgRoles = await workos.authorization.listOrganizationRoles(org.id);
    expect(orgRoles.data.map((r) => r.slug)).toEqual(['admin', 'member', 'billing']);
    expect(orgRoles.data[2]).toMatchObject({ object: 'role', name: 'Billing', type: 'EnvironmentRole' });
    const envRoles = await workos.authorization.listEnvironmentRoles();
    expect(envRoles.data.map((r) => r.slug)).toEqual(['admin', 'member', 'billing']);
    expect(await rejectionOf(workos.authorization.listOrganizationRoles('org_01NOPE'))).toBeInstanceOf(
      NotFoundException,
    );
  });
});
