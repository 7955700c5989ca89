import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG } from '../../../src/config/mapping-config.js';
import type { UserRecord } from '../../../src/model/types.js';
import { readClerkUsers } from '../../../src/sources/clerk/users.js';
import { tempDirForFile } from '../../support/temp-dir.js';

const dir = tempDirForFile('clerk-enterprise-');

async function usersOf(name: string, content: string): Promise<Map<string, UserRecord>> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const users = new Map<string, UserRecord>();
  for await (const item of readClerkUsers({ usersPath: path, config: DEFAULT_MAPPING_CONFIG })) {
    if (item.kind === 'user') users.set(item.record.sourceId, item.record);
    else if (item.kind === 'problem' && item.problem.severity === 'error') throw new Error(item.problem.message);
  }
  return users;
}

describe('enterprise sign-in in a Clerk export', () => {
  it('marks users with a SAML or enterprise account (Backend API user objects), with the connection name', async () => {
    const users = await usersOf(
      'users.json',
      JSON.stringify([
        {
          id: 'user_saml',
          email_addresses: 'ada@acme.com',
          saml_accounts: [
            {
              object: 'saml_account',
              provider: 'saml_okta',
              active: true,
              saml_connection: { id: 'samlc_1', name: 'Acme Okta' },
            },
          ],
        },
        {
          id: 'user_enterprise',
          email_addresses: 'bob@globex.com',
          enterprise_accounts: [
            {
              object: 'enterprise_account',
              protocol: 'saml',
              provider: 'saml_custom',
              active: false,
              enterprise_connection: { id: 'entc_old' },
            },
            {
              object: 'enterprise_account',
              protocol: 'oauth',
              provider: 'oidc_custom',
              active: true,
              enterprise_connection: { id: 'entc_2' },
            },
          ],
        },
        {
          id: 'user_google',
          email_addresses: 'cy@example.com',
          external_accounts: [{ provider: 'oauth_google' }],
          saml_accounts: [],
        },
      ]),
    );
    expect(users.get('user_saml')!.enterpriseConnection).toEqual({ type: 'saml_okta', connection: 'Acme Okta' });
    expect(users.get('user_enterprise')!.enterpriseConnection).toEqual({ type: 'oidc_custom', connection: 'entc_2' });
    expect(users.get('user_google')!.enterpriseConnection).toBeUndefined();
    expect(users.get('user_google')!.socialProviders).toEqual(['google']);
  });

  it('reports a saml_accounts field of the wrong type with its name', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify([{ id: 'user_1', email_addresses: 'a@acme.com', saml_accounts: 'okta' }]));
    const problems = [];
    for await (const item of readClerkUsers({ usersPath: path, config: DEFAULT_MAPPING_CONFIG }))
      if (item.kind === 'problem') problems.push(item.problem);
    expect(problems).toMatchObject([
      { field: 'saml_accounts', message: expect.stringContaining('an array of SAML account objects') },
    ]);
  });

  it('cannot tell from the dashboard CSV, which has no SAML column', async () => {
    const users = await usersOf('users.csv', 'id,first_name,primary_email_address\nuser_1,Ada,ada@acme.com\n');
    expect(users.get('user_1')!.enterpriseConnection).toBeUndefined();
  });
});
