import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG, parseMappingConfig } from '../../../src/config/mapping-config.js';
import { verifyPassword } from '../../../src/emulator/password-verify.js';
import { timestampOf } from '../../../src/sources/supabase/map-user.js';
import { readSupabaseUsers } from '../../../src/sources/supabase/users.js';
import { brief, file, readAll } from './read.js';

const USERS = 'examples/supabase/users.csv';
const NOW = Date.parse('2025-06-01T00:00:00Z');
const read = (usersPath: string, config = DEFAULT_MAPPING_CONFIG) =>
  readAll(readSupabaseUsers({ usersPath, config, now: NOW }));
const id = (n: number) => `5b0d7a10-${String(n).padStart(4, '0')}-4c3e-8e21-${String(n).padStart(12, '0')}`;

describe('readSupabaseUsers', () => {
  it('maps the auth.users CSV dump: bcrypt, confirmation, names, bans, deletions and SSO', async () => {
    const { users, problems, byId } = await read(USERS);
    expect(users).toHaveLength(10);
    const sam = byId.get(id(1))!;
    expect(sam).toMatchObject({
      email: 'sam.okafor@example.com',
      emailVerified: true,
      firstName: 'Sam',
      lastName: 'Okafor',
      passwordGap: 'none',
      metadata: {},
    });
    expect(await verifyPassword('Supabase-Pass-1!', sam.password!)).toBe(true);
    expect(byId.get(id(3))).toMatchObject({ firstName: 'Uma', lastName: 'Iyer Rao' });
    expect(byId.get(id(4))).toMatchObject({ emailVerified: false });
    expect(byId.get(id(5))).toMatchObject({ socialProviders: ['google'], passwordGap: 'missing' });
    expect([id(6), id(7), id(11)].map((k) => byId.get(k)?.blocked)).toEqual([true, true, false]);
    expect(byId.get(id(8))).toMatchObject({ socialProviders: ['sso'] });
    expect(byId.get(id(10))).toMatchObject({ passwordGap: 'unsupported' });
    expect(problems.map(brief)).toEqual([
      '9:32 is_sso_user sso_user warning',
      '10:5 email missing_email error',
      '11:6 encrypted_password invalid_password_hash error',
    ]);
  });

  it('reads a JSON dump and the Admin API names of the metadata columns', async () => {
    const path = file(
      'users.json',
      `[\n${[
        {
          id: 'j1',
          email: 'j1@example.com',
          encrypted_password: '',
          email_confirmed_at: '2024-01-01T00:00:00Z',
          user_metadata: { full_name: 'Jo Ann Smith' },
          app_metadata: { provider: 'github', providers: ['github'] },
          banned_until: null,
          deleted_at: null,
          is_sso_user: false,
        },
        { id: 'j2', email: 'j2@example.com', raw_user_meta_data: 'not json' },
      ]
        .map((u) => JSON.stringify(u))
        .join(',\n')}\n]`,
    );
    const { users, problems } = await read(path);
    expect(users).toEqual([
      expect.objectContaining({
        sourceId: 'j1',
        firstName: 'Jo',
        lastName: 'Ann Smith',
        emailVerified: true,
        socialProviders: ['github'],
        blocked: false,
      }),
    ]);
    expect(problems.map(brief)).toEqual(['3 raw_user_meta_data invalid_field_type error']);
  });

  it('lets the metadata map pick from the metadata columns, never from secrets', async () => {
    const config = parseMappingConfig('metadata:\n  users:\n    plan: raw_user_meta_data.plan\n', 'mapping.yml');
    expect((await read(USERS, config)).byId.get(id(1))?.metadata).toEqual({ plan: 'pro' });
    expect(() => parseMappingConfig('metadata:\n  users:\n    pw: encrypted_password\n', 'm.yml')).not.toThrow();
    const secret = parseMappingConfig('metadata:\n  users:\n    pw: encrypted_password\n', 'm.yml');
    expect((await read(USERS, secret)).byId.get(id(1))?.metadata).toEqual({});
  });

  it('reads PostgreSQL timestamps, ISO ones and infinity', () => {
    expect(timestampOf('2024-01-15 08:00:00.000000+00')).toBe(Date.parse('2024-01-15T08:00:00Z'));
    expect(timestampOf('2024-01-15T08:00:00Z')).toBe(Date.parse('2024-01-15T08:00:00Z'));
    expect(timestampOf('infinity')).toBe(Infinity);
    expect(timestampOf('')).toBeUndefined();
    expect(timestampOf('soon')).toBe('invalid');
  });
});
