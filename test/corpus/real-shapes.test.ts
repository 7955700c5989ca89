import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG } from '../../src/config/mapping-config.js';
import { verifyPassword } from '../../src/emulator/password-verify.js';
import { readClerkUsers } from '../../src/sources/clerk/users.js';
import { readFirebaseUsers } from '../../src/sources/firebase/users.js';
import { readAll } from '../sources/new/read.js';

// Export files in the shapes their owners have them (written for this suite, in the layouts
// the tools write), each with what the tool reads from it.

const SHAPES = join(import.meta.dirname, 'real-shapes');
const shape = (name: string) => join(SHAPES, name);
const config = DEFAULT_MAPPING_CONFIG;

describe('one firebase-scrypt form from every source', () => {
  // The published test vector of github.com/firebase/scrypt: project parameters (signer key,
  // salt separator Bw==, 8 rounds, mem_cost 14), then user1password with its salt and hash.
  it('sends the form WorkOS documents from Clerk and Firebase alike, and the stand-in verifies both', async () => {
    const clerk = await readAll(readClerkUsers({ usersPath: shape('clerk-scrypt-firebase.csv'), config }));
    const firebase = await readAll(
      readFirebaseUsers({
        usersPath: shape('firebase-scrypt-users.json'),
        hashConfigPath: shape('firebase-hash-config.txt'),
        config,
      }),
    );
    const fromClerk = clerk.users[0]!.password!;
    const fromFirebase = firebase.users[0]!.password!;
    // WorkOS's Firebase guide: $firebase-scrypt$sk=…,ss=…,r=…,m=…$<salt>$<hash>, base64 unpadded.
    const documented =
      /^\$firebase-scrypt\$sk=[A-Za-z0-9+/]+,ss=[A-Za-z0-9+/]+,r=\d+,m=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;
    expect(fromClerk.hash).toMatch(documented);
    expect(fromClerk).toEqual(fromFirebase);
    for (const password of [fromClerk, fromFirebase]) {
      expect(await verifyPassword('user1password', password)).toBe(true);
      expect(await verifyPassword('user2password', password)).toBe(false);
    }
  });
});
