import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.js';
import { parse as parseCsvText } from 'csv-parse/sync';
import type { Auth0SeedOrganization } from '../../src/emulator/auth0/server.js';
import type { ClerkSeedOrganization } from '../../src/emulator/clerk/server.js';
import type { Emulator } from '../../src/emulator/server.js';
import { tempDirForFile } from '../support/temp-dir.js';

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

export function tempDir(prefix: string): string {
  return tempDirForFile(`export-${prefix}-`);
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process (the same code the bundle holds), capturing its output. */
export async function cliInProcess(argv: string[], env: Record<string, string>): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    ({
      write: (chunk: string | Uint8Array) => {
        append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
        return true;
      },
      isTTY: false,
    }) as unknown as NodeJS.WriteStream;
  const code = await runCli(argv, {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { CI: 'true', ...env },
  });
  return { code, stdout, stderr };
}

// --- seeds from the bundled examples ------------------------------------------------------

export function auth0ExampleUsers(): Record<string, unknown>[] {
  return readFileSync(join(EXAMPLES, 'auth0', 'users.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function auth0ExampleOrganizations(): Auth0SeedOrganization[] {
  return (
    JSON.parse(readFileSync(join(EXAMPLES, 'auth0', 'organizations.json'), 'utf8')) as {
      organizations: Auth0SeedOrganization[];
    }
  ).organizations;
}

/**
 * The example's dashboard CSV as the Backend API would return those users: email objects with
 * verification, `totp_enabled` instead of the secret, and no password digest (the API has none).
 */
export function clerkExampleApiUsers(): Record<string, unknown>[] {
  const rows: Record<string, string>[] = parseCsvText(
    readFileSync(join(EXAMPLES, 'clerk', 'users.csv'), 'utf8').replace(/^\uFEFF/, ''),
    { columns: true },
  );
  return rows.map((row) => {
    const split = (value: string | undefined) =>
      (value ?? '')
        .split(/[|,]/)
        .map((s) => s.trim())
        .filter(Boolean);
    const verified = split(row.verified_email_addresses);
    const unverified = split(row.unverified_email_addresses);
    const addresses = [
      ...new Set([row.primary_email_address, ...verified, ...unverified].filter((a): a is string => !!a)),
    ];
    const emailObjects = addresses.map((address, i) => ({
      id: `idn_${row.id}_${i}`,
      object: 'email_address',
      email_address: address,
      verification: { status: verified.includes(address) ? 'verified' : 'unverified', strategy: 'email_code' },
    }));
    const primary = emailObjects.find((e) => e.email_address === row.primary_email_address) ?? emailObjects[0];
    return {
      id: row.id,
      first_name: row.first_name || null,
      last_name: row.last_name || null,
      username: row.username || null,
      email_addresses: emailObjects,
      primary_email_address_id: primary?.id ?? null,
      phone_numbers: [],
      external_accounts: [],
      totp_enabled: (row.totp_secret ?? '') !== '',
      password_enabled: (row.password_digest ?? '') !== '',
      banned: false,
      public_metadata: {},
      private_metadata: {},
      unsafe_metadata: {},
    };
  });
}

export function clerkExampleOrganizations(): ClerkSeedOrganization[] {
  const file = JSON.parse(readFileSync(join(EXAMPLES, 'clerk', 'organizations.json'), 'utf8')) as {
    organizations: {
      id: string;
      name: string;
      slug?: string;
      public_metadata?: Record<string, unknown>;
      private_metadata?: Record<string, unknown>;
      memberships: { role: string; public_user_data: { user_id: string } }[];
    }[];
  };
  return file.organizations.map((o) => ({
    id: o.id,
    name: o.name,
    slug: o.slug,
    public_metadata: o.public_metadata,
    private_metadata: o.private_metadata,
    memberships: o.memberships.map((m) => ({ user_id: m.public_user_data.user_id, role: m.role })),
  }));
}

// --- WorkOS state, compared without WorkOS's own ids and timestamps -----------------------

export interface WorkosState {
  users: string[];
  organizations: string[];
  memberships: string[];
}

/** What WorkOS holds, as sorted lines keyed by external ids; passwords left out. */
export function workosState(emulator: Emulator): WorkosState {
  const snapshot = emulator.snapshot();
  const userExt = new Map(snapshot.users.map((u) => [u.id, u.external_id]));
  const orgExt = new Map(snapshot.organizations.map((o) => [o.id, o.external_id]));
  return {
    users: snapshot.users
      .map((u) => JSON.stringify([u.external_id, u.email, u.email_verified, u.first_name, u.last_name, u.metadata]))
      .sort(),
    organizations: snapshot.organizations
      .map((o) => JSON.stringify([o.external_id, o.name, o.domains.map((d) => d.domain).sort(), o.metadata]))
      .sort(),
    memberships: snapshot.memberships
      .map((m) =>
        JSON.stringify([orgExt.get(m.organization_id), userExt.get(m.user_id), m.roles.map((r) => r.slug).sort()]),
      )
      .sort(),
  };
}
