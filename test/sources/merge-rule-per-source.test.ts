import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG } from '../../src/config/mapping-config.js';
import { planUsers } from '../../src/plan/users.js';
import { collectSourceBatches, readSourceBatches, type SourceKind } from '../../src/sources/index.js';

// The merge rule lives in the planner, so it holds for a source only if that source's mapping
// sets the verified flag as the source means it. Each export below holds one address twice:
// once verified, once not (in the source's own terms), the verified one first.

const dir = mkdtempSync(join(tmpdir(), 'merge-rule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EMAIL = 'vera@corp.example';
const SHOUTED = 'VERA@corp.example';

const exports: Record<SourceKind, { file: string; text: string; verified: string; unverified: string }> = {
  auth0: {
    file: 'users.ndjson',
    text: [
      { user_id: 'google-oauth2|1', email: EMAIL, email_verified: true },
      { user_id: 'auth0|2', email: SHOUTED, email_verified: false },
    ]
      .map((u) => JSON.stringify(u))
      .join('\n'),
    verified: 'google-oauth2|1',
    unverified: 'auth0|2',
  },
  clerk: {
    file: 'users.csv',
    text: [
      'id,first_name,last_name,username,primary_email_address,primary_phone_number,verified_email_addresses,unverified_email_addresses,verified_phone_numbers,unverified_phone_numbers,totp_secret,password_digest,password_hasher',
      `user_1,,,,${EMAIL},,${EMAIL},,,,,,`,
      `user_2,,,,${SHOUTED},,,${SHOUTED},,,,,`,
    ].join('\n'),
    verified: 'user_1',
    unverified: 'user_2',
  },
  firebase: {
    file: 'users.json',
    text: JSON.stringify({
      users: [
        { localId: 'fb1', email: EMAIL, emailVerified: true },
        { localId: 'fb2', email: SHOUTED, emailVerified: false },
      ],
    }),
    verified: 'fb1',
    unverified: 'fb2',
  },
  cognito: {
    file: 'users.json',
    text: JSON.stringify({
      Users: ['1', '2'].map((sub) => ({
        Username: sub,
        Enabled: true,
        UserStatus: 'CONFIRMED',
        Attributes: [
          { Name: 'sub', Value: sub },
          { Name: 'email', Value: sub === '1' ? EMAIL : SHOUTED },
          { Name: 'email_verified', Value: sub === '1' ? 'true' : 'false' },
        ],
      })),
    }),
    verified: '1',
    unverified: '2',
  },
  supabase: {
    file: 'users.csv',
    text: [
      'id,email,email_confirmed_at,raw_app_meta_data,raw_user_meta_data',
      `00000000-0000-0000-0000-000000000001,${EMAIL},2024-01-15 08:00:00.000000+00,{},{}`,
      `00000000-0000-0000-0000-000000000002,${SHOUTED},,{},{}`,
    ].join('\n'),
    verified: '00000000-0000-0000-0000-000000000001',
    unverified: '00000000-0000-0000-0000-000000000002',
  },
  csv: {
    file: 'users.csv',
    text: ['email,email_verified,external_id', `${EMAIL},true,app-1`, `${SHOUTED},false,app-2`].join('\n'),
    verified: 'app-1',
    unverified: 'app-2',
  },
};

describe('the merge rule in every source', () => {
  for (const [source, e] of Object.entries(exports) as [SourceKind, (typeof exports)[SourceKind]][]) {
    it(`${source}: the unverified record is not merged into the verified one with its email`, async () => {
      const users = join(dir, `${source}-${e.file}`);
      writeFileSync(users, `${e.text}\n`);
      const read = await collectSourceBatches(readSourceBatches(source, { users }, DEFAULT_MAPPING_CONFIG));
      expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const plan = planUsers(read.users);
      expect([...plan.users].map((u) => [u.sourceId, u.input.emailVerified, u.mergedSourceIds])).toEqual([
        [e.verified, true, []],
      ]);
      expect(plan.invalid.map((p) => [p.sourceId, p.code])).toEqual([[e.unverified, 'merge_unverified']]);
    });
  }
});
