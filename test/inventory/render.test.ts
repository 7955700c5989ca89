import { describe, expect, it } from 'vitest';
import type { Auth0Tenant } from '../../src/inventory/auth0-tenant.js';
import { classifyAuth0 } from '../../src/inventory/classify-auth0.js';
import { inventoryHeadline, inventoryReport, renderInventoryMarkdown } from '../../src/inventory/render.js';

// inventory.md is the plan a team reviews before approving a cutover: pinned, so a reviewer sees
// every change to what they read. Tenant names are data: a pipe or a link in one stays text.

const tenant: Auth0Tenant = {
  connections: [
    {
      name: 'Username-Password-Authentication',
      strategy: 'auth0',
      enabledClients: 2,
      customDatabase: false,
      importMode: false,
    },
    { name: 'legacy | mysql', strategy: 'auth0', enabledClients: 1, customDatabase: true, importMode: true },
    { name: 'google-oauth2', strategy: 'google-oauth2', enabledClients: 1, customDatabase: false, importMode: false },
    { name: 'sms', strategy: 'sms', enabledClients: 1, customDatabase: false, importMode: false },
  ],
  rules: [
    { name: 'add roles [see https://evil.example]', enabled: true },
    { name: 'old-geo-block', enabled: false },
  ],
  actions: [{ id: 'a1', name: 'enrich-claims', triggers: ['post-login'], boundTo: ['post-login'] }],
  hooks: [],
  customDomains: [{ domain: 'login.acme.test', status: 'ready' }],
  factors: [
    { name: 'otp', enabled: true },
    { name: 'sms', enabled: true },
  ],
  logStreams: [],
  clients: [{ name: 'Acme Web', appType: 'regular_web' }],
  apis: [],
  roles: [{ name: 'admin' }],
  organizations: 12,
  unread: [
    { kind: 'log_stream', reason: 'forbidden', scope: 'read:log_streams' },
    { kind: 'hook', reason: 'not_found', scope: 'read:hooks' },
  ],
};

describe('inventory.md', () => {
  const report = inventoryReport('auth0', classifyAuth0(tenant), tenant.unread);

  it('groups redesign, replaceable, portable and unused, and says what it could not read', () => {
    expect(renderInventoryMarkdown(report)).toMatchSnapshot();
    expect(inventoryHeadline(report)).toBe(
      'Inventory of the auth0 tenant: 5 redesign, 3 replaceable, 4 portable, 1 unused. Not read: log_stream (grant read:log_streams).',
    );
  });
});
