import { describe, expect, it } from 'vitest';
import { clerkPermissionSlug, permissionSlug, roleNameFromKey } from '../../src/config/roles.js';
import { domainData, domainsDiffer } from '../../src/model/domains.js';
import { planRoles, SourceRoles } from '../../src/plan/roles.js';
import { forecastWebhooks } from '../../src/plan/webhooks.js';
import { csvDomains } from '../../src/sources/csv/domains.js';

describe('role and permission slugs, as the README lists them', () => {
  it('derives Clerk permission slugs without org:, lower-cased, other characters as -', () => {
    expect(clerkPermissionSlug('org:invoices:create')).toBe('invoices:create');
    expect(clerkPermissionSlug('org:sys_memberships:manage')).toBe('sys_memberships:manage');
    expect(permissionSlug('Read Invoices')).toBe('read-invoices');
    expect(permissionSlug('  ')).toBeUndefined();
    expect(roleNameFromKey('org:billing_manager')).toBe('Billing Manager');
  });
});

describe('planRoles', () => {
  const environment = { roles: new Set(['admin', 'member']), permissions: new Set(['invoices:read']) };

  it('creates only what the environment lacks, with the source name and every permission seen', () => {
    const source = new SourceRoles();
    source.add({ roleDetails: [{ slug: 'billing', name: 'Billing', permissions: ['invoices:read'] }] });
    source.add({ roleDetails: [{ slug: 'billing', name: 'Other name', permissions: ['invoices:create'] }] });
    const plan = planRoles(['admin', 'billing', 'billing', 'csv_role', 'Bad Slug'], source, environment);
    expect(plan.create.map(({ digest: _, ...r }) => r)).toEqual([
      { slug: 'billing', name: 'Billing', permissions: ['invoices:create', 'invoices:read'] },
      { slug: 'csv_role', name: 'Csv Role', permissions: [] },
    ]);
    expect(plan.createPermissions).toEqual(['invoices:create']);
    expect(plan.unchanged).toBe(1);
  });
});

describe('domains keep their verification', () => {
  it('sends verified what the source or WorkOS verified, pending the rest', () => {
    const input = { domains: ['a.example', 'b.example', 'c.example'], verifiedDomains: ['a.example'] };
    expect(domainData(input, new Set(['c.example']))).toEqual([
      { domain: 'a.example', state: 'verified' },
      { domain: 'b.example', state: 'pending' },
      { domain: 'c.example', state: 'verified' },
    ]);
  });

  it('is drift when a domain is missing or a source-verified one is not verified in WorkOS, not the reverse', () => {
    const input = { domains: ['a.example', 'b.example'], verifiedDomains: ['a.example'] };
    expect(domainsDiffer(input, { domains: 'a.example,b.example', verifiedDomains: 'a.example' })).toBe(false);
    expect(domainsDiffer(input, { domains: 'a.example,b.example', verifiedDomains: 'a.example,b.example' })).toBe(
      false,
    );
    expect(domainsDiffer(input, { domains: 'a.example,b.example', verifiedDomains: '' })).toBe(true);
    expect(domainsDiffer(input, { domains: 'a.example', verifiedDomains: 'a.example' })).toBe(true);
  });

  it("reads the generic CSV's domains column", () => {
    expect(csvDomains('Example.com:verified|example.org, example.net:pending')).toEqual({
      domains: ['example.com', 'example.org', 'example.net'],
      verifiedDomains: ['example.com'],
    });
    expect(csvDomains('example.com:trusted').invalid).toBe('example.com:trusted');
  });
});

describe('forecastWebhooks', () => {
  it('counts each event once per enabled endpoint subscribed to it', () => {
    const events = { 'user.created': 1000, 'organization.created': 3, 'role.created': 0 };
    expect(
      forecastWebhooks(
        [
          { events: ['user.created'] },
          { events: ['user.created', 'organization.created'] },
          { events: ['dsync.user.created'] },
        ],
        events,
      ),
    ).toEqual({
      endpoints: 2,
      deliveries: 2003,
      events: { 'user.created': 1000, 'organization.created': 3 },
    });
  });
});
