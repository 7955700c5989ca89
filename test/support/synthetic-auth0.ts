import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';

export interface SyntheticExport {
  usersPath: string;
  passwordsPath: string;
  /** The external ids WorkOS must end up with, one user each. */
  expectedExternalIds: string[];
  password: string;
}

/**
 * An Auth0 bulk export of `count` database users with one shared bcrypt hash (cost 4: hashing
 * 20,000 distinct passwords would take longer than the run being measured), for crash tests
 * and benchmarks. Deterministic: the same count gives the same files.
 */
export function writeSyntheticAuth0Export(dir: string, count: number): SyntheticExport {
  const password = 'Synthetic-Passw0rd!';
  const hash = bcrypt.hashSync(password, bcrypt.genSaltSync(4));
  const users: string[] = [];
  const passwords: string[] = [];
  const expectedExternalIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const oid = i.toString(16).padStart(24, '0');
    const userId = `auth0|${oid}`;
    const email = `user${i}@synthetic.example.com`;
    expectedExternalIds.push(userId);
    users.push(
      JSON.stringify({
        user_id: userId,
        email,
        email_verified: i % 3 !== 0,
        given_name: `Given${i}`,
        family_name: `Family${i}`,
        identities: [
          { connection: 'Username-Password-Authentication', provider: 'auth0', user_id: oid, isSocial: false },
        ],
        created_at: '2024-01-01T00:00:00.000Z',
      }),
    );
    passwords.push(
      JSON.stringify({
        _id: { $oid: oid },
        email,
        email_verified: i % 3 !== 0,
        passwordHash: hash,
        password_set_date: { $date: '2024-01-01T00:00:00.000Z' },
        tenant: 'synthetic',
        connection: 'Username-Password-Authentication',
      }),
    );
  }
  const usersPath = join(dir, 'users.ndjson');
  const passwordsPath = join(dir, 'passwords.ndjson');
  writeFileSync(usersPath, users.join('\n') + '\n');
  writeFileSync(passwordsPath, passwords.join('\n') + '\n');
  return { usersPath, passwordsPath, expectedExternalIds, password };
}
