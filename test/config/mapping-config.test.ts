import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFingerprint, DEFAULT_MAPPING_CONFIG, loadMappingConfig } from '../../src/config/mapping-config.js';
import { pickMetadataFields } from '../../src/config/metadata-fields.js';
import { mapAuth0Role, mapClerkRole } from '../../src/config/roles.js';
import { UsageError } from '../../src/model/types.js';
import { tempDirForFile } from '../support/temp-dir.js';

const dir = tempDirForFile('mapping-config-');

function configFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function loadError(name: string, content: string): Promise<string> {
  const path = configFile(name, content);
  try {
    await loadMappingConfig(path);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message.replace(path, name);
  }
  throw new Error('the config loaded');
}

describe('loadMappingConfig', () => {
  it('gives the defaults without a file: no role map, no metadata, skip blocked users, import unverified emails', async () => {
    expect(await loadMappingConfig()).toEqual({
      roles: {},
      metadata: { users: {}, organizations: {} },
      policies: { blockedUsers: 'skip', unverifiedEmails: 'import', usersWithoutEmail: 'report' },
      limits: {},
    });
  });

  it('reads the commented example config', async () => {
    const config = await loadMappingConfig('examples/mapping.yml');
    expect(config.roles['org:owner']).toBe('admin');
    expect(config.metadata.users).toMatchObject({ plan: 'public_metadata.plan', tier: 'app_metadata.tier' });
    expect(config.metadata.organizations).toMatchObject({ tier: 'metadata.tier' });
    expect(config.policies).toEqual({
      blockedUsers: 'skip',
      unverifiedEmails: 'import',
      unverifiedDuplicates: 'import-verified',
      usersWithoutEmail: 'report',
    });
  });

  it('reads JSON as well, and fills what the file leaves out', async () => {
    const path = configFile(
      'mapping.json',
      '{"roles": {"org:admin": "owner"}, "policies": {"blockedUsers": "import"}}',
    );
    const config = await loadMappingConfig(path);
    expect(config.roles).toEqual({ 'org:admin': 'owner' });
    expect(config.policies).toEqual({
      blockedUsers: 'import',
      unverifiedEmails: 'import',
      usersWithoutEmail: 'report',
    });
    expect(config.metadata).toEqual({ users: {}, organizations: {} });
  });

  it('treats an empty file as the defaults', async () => {
    expect(await loadMappingConfig(configFile('empty.yml', '# nothing yet\n'))).toEqual(DEFAULT_MAPPING_CONFIG);
  });

  it('names the file, the line and the key path of a role that is not a slug', async () => {
    expect(await loadError('mapping.yml', 'roles:\n  "org:member": member\n  "org:admin": 7\n')).toBe(
      'mapping.yml:3: roles.org:admin must be a string (a WorkOS role slug).',
    );
    expect(await loadError('mapping.json', '{\n  "roles": {\n    "org:admin": ["admin"]\n  }\n}\n')).toBe(
      'mapping.json:3: roles.org:admin must be a string (a WorkOS role slug).',
    );
    expect(await loadError('mapping.yml', 'roles:\n  Billing: billing admin\n')).toMatch(
      /^mapping\.yml:2: roles\.Billing must be a WorkOS role slug, without spaces/,
    );
  });

  it('names a misspelt key and the keys it could have been', async () => {
    expect(await loadError('mapping.yml', 'roles: {}\npolicy:\n  blockedUsers: skip\n')).toBe(
      'mapping.yml:2: policy is not a config key; use roles, metadata, policies, hashConfig or limits.',
    );
    expect(await loadError('mapping.yml', 'policies:\n  blockedUser: import\n')).toBe(
      'mapping.yml:2: policies.blockedUser is not a config key; use blockedUsers, unverifiedEmails, unverifiedDuplicates, unconfirmedUsers, partialExports, missingRoles or usersWithoutEmail.',
    );
  });

  it('refuses a policy value it does not know, and any policy but report for users without email', async () => {
    expect(await loadError('mapping.yml', 'policies:\n  unverifiedEmails: maybe\n')).toBe(
      'mapping.yml:2: policies.unverifiedEmails must be import or skip.',
    );
    expect(await loadError('mapping.yml', 'policies:\n  unverifiedDuplicates: merge\n')).toBe(
      'mapping.yml:2: policies.unverifiedDuplicates must be import-verified or import-neither.',
    );
    expect(await loadError('mapping.yml', 'policies:\n  usersWithoutEmail: import\n')).toMatch(
      /^mapping\.yml:2: policies\.usersWithoutEmail must be report/,
    );
  });

  it('refuses metadata that would carry a TOTP secret or a password hash, or break WorkOS limits', async () => {
    expect(await loadError('mapping.yml', 'metadata:\n  users:\n    otp: totp_secret\n')).toBe(
      'mapping.yml:3: metadata.users.otp names a password hash or TOTP secret; those never go into metadata.',
    );
    expect(await loadError('mapping.yml', 'metadata:\n  users:\n    h: private_metadata.password_digest\n')).toMatch(
      /metadata\.users\.h names a password hash/,
    );
    const longKey = 'k'.repeat(41);
    expect(await loadError('mapping.yml', `metadata:\n  organizations:\n    ${longKey}: name\n`)).toBe(
      `mapping.yml:3: metadata.organizations.${longKey} is longer than 40 characters, the WorkOS limit for a metadata key.`,
    );
    const many = Array.from({ length: 51 }, (_, i) => `    k${i}: f${i}`).join('\n');
    expect(await loadError('mapping.yml', `metadata:\n  users:\n${many}\n`)).toMatch(
      /^mapping\.yml:3: metadata\.users maps more than 50 keys/,
    );
  });

  it('reports YAML that does not parse with its line and column, and a missing file by its path', async () => {
    expect(await loadError('mapping.yml', 'roles:\n  a: b\n  a: c\n')).toMatch(
      /^mapping\.yml:3:3: not valid YAML or JSON: Map keys must be unique/,
    );
    expect(await loadError('mapping.json', '{"roles": {"a": "b"}')).toMatch(
      /^mapping\.json:1:\d+: not valid YAML or JSON/,
    );
    await expect(loadMappingConfig(join(dir, 'nope.yml'))).rejects.toThrow(/nope\.yml: config file not found/);
  });
});

describe('configFingerprint', () => {
  it('is the same for the same meaning written in another order or format, and differs when a mapping changes', async () => {
    const yaml = await loadMappingConfig(
      configFile('a.yml', 'policies:\n  blockedUsers: skip\nroles:\n  b: member\n  a: admin\n'),
    );
    const json = await loadMappingConfig(configFile('a.json', '{"roles": {"a": "admin", "b": "member"}}'));
    expect(configFingerprint(yaml)).toBe(configFingerprint(json));
    expect(configFingerprint(yaml)).toMatch(/^[0-9a-f]{64}$/);
    const changed = await loadMappingConfig(configFile('b.json', '{"roles": {"a": "admin", "b": "viewer"}}'));
    expect(configFingerprint(changed)).not.toBe(configFingerprint(json));
    expect(configFingerprint(DEFAULT_MAPPING_CONFIG)).not.toBe(configFingerprint(json));
  });

  it('reads policies.unverifiedDuplicates, and keeps the fingerprint of a config without it as it was', async () => {
    const neither = await loadMappingConfig(configFile('n.yml', 'policies:\n  unverifiedDuplicates: import-neither\n'));
    expect(neither.policies.unverifiedDuplicates).toBe('import-neither');
    expect(configFingerprint(neither)).not.toBe(configFingerprint(DEFAULT_MAPPING_CONFIG));
    // The default config's fingerprint before the key existed: journals made then still resume.
    expect(configFingerprint(DEFAULT_MAPPING_CONFIG)).toBe(
      'b91fbe1d9f9a9ddb2c5f930117fafabc0297b92a44b508309b18463b56dadaaf',
    );
  });
});

describe('role mapping', () => {
  const config = {
    ...DEFAULT_MAPPING_CONFIG,
    roles: { 'org:owner': 'admin', billing: 'billing-admin', 'Support Agent': 'support', rol_123: 'auditor' },
  };

  it('strips org: from Clerk roles unless the role map names them, by full or bare key', () => {
    expect(mapClerkRole('org:admin', DEFAULT_MAPPING_CONFIG)).toEqual({ slug: 'admin', fromConfig: false });
    expect(mapClerkRole('org:owner', config)).toEqual({ slug: 'admin', fromConfig: true });
    expect(mapClerkRole('org:billing', config)).toEqual({ slug: 'billing-admin', fromConfig: true });
    expect(mapClerkRole('org:', config)).toEqual({ fromConfig: false });
  });

  it('maps Auth0 roles by name, then id, else a slug made from the name', () => {
    expect(mapAuth0Role({ id: 'rol_9', name: 'Support Agent' }, config)).toEqual({ slug: 'support', fromConfig: true });
    expect(mapAuth0Role({ id: 'rol_123', name: 'Auditors' }, config)).toEqual({ slug: 'auditor', fromConfig: true });
    expect(mapAuth0Role({ id: 'rol_9', name: 'Billing Admin (EU)' }, config)).toEqual({
      slug: 'billing-admin-eu',
      fromConfig: false,
    });
    expect(mapAuth0Role({ name: 'Équipe' }, config)).toEqual({ slug: 'equipe', fromConfig: false });
    expect(mapAuth0Role({ id: 'rol_unknown' }, config)).toEqual({ fromConfig: false });
  });
});

describe('pickMetadataFields', () => {
  it('picks flat and nested fields, leaves out what the record lacks, and never reads a secret field', () => {
    const source = {
      username: 'ada',
      public_metadata: { plan: 'pro', prefs: { theme: 'dark' } },
      'app_metadata.tier': 'gold',
      totp_secret: 'NOPE',
    };
    const picked = pickMetadataFields(
      source,
      {
        name: 'username',
        plan: 'public_metadata.plan',
        theme: 'public_metadata.prefs.theme',
        tier: 'app_metadata.tier',
        missing: 'public_metadata.nope',
        otp: 'totp_secret',
      },
      new Set(['totp_secret']),
    );
    expect(picked).toEqual({ name: 'ada', plan: 'pro', theme: 'dark', tier: 'gold' });
  });
});
