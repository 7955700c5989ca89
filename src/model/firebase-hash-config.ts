import { z } from 'zod';

// A Firebase project's password hash parameters, as the Firebase console shows them
// (Authentication → Users → ⋮ → Password hash parameters):
//
//   hash_config {
//     algorithm: SCRYPT,
//     base64_signer_key: jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==,
//     base64_salt_separator: Bw==,
//     rounds: 8,
//     mem_cost: 14,
//   }
//
// Every user of the project is hashed with them; each user's export adds only a salt and a hash.
// They are read from a JSON file with the same keys, from that text pasted as it is, or from the
// mapping config's `hashConfig`.

const base64 = (name: string) =>
  z
    .string({ error: `${name} must be a string (base64, as the Firebase console shows it)` })
    .trim()
    .min(1, { error: `${name} must not be empty` })
    .regex(/^[A-Za-z0-9+/\-_]+={0,2}$/, { error: `${name} must be base64, as the Firebase console shows it` });

const whole = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(1, { error: `${name} must be from 1 to ${max}` })
    .max(max, { error: `${name} must be from 1 to ${max}` });

export const FirebaseHashConfigSchema = z.strictObject(
  {
    algorithm: z
      .literal('SCRYPT', { error: 'algorithm must be SCRYPT (Firebase exports only its own scrypt hashes)' })
      .optional(),
    base64_signer_key: base64('base64_signer_key'),
    base64_salt_separator: base64('base64_salt_separator'),
    rounds: whole('rounds', 32),
    mem_cost: whole('mem_cost', 20),
  },
  { error: 'must hold base64_signer_key, base64_salt_separator, rounds and mem_cost' },
);

export type FirebaseHashConfig = z.output<typeof FirebaseHashConfigSchema>;

/**
 * The parameters from a file's text: JSON, or the console's `hash_config { … }` block pasted as
 * it is. Returns why it cannot be read (never quoting the signer key).
 */
export function parseFirebaseHashConfig(text: string): FirebaseHashConfig | string {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  let value: unknown;
  if (trimmed.startsWith('{')) {
    try {
      value = JSON.parse(trimmed);
    } catch {
      return 'it is not valid JSON';
    }
  } else {
    value = consoleBlock(trimmed);
    if (value === undefined) return 'it is neither JSON nor the hash_config block the Firebase console shows';
  }
  const parsed = FirebaseHashConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys')
    return `${issue.keys[0]} is not a hash parameter; use base64_signer_key, base64_salt_separator, rounds and mem_cost`;
  return issue.message;
}

function consoleBlock(text: string): Record<string, string> | undefined {
  const body = /^hash_config\s*\{([\s\S]*)\}\s*$/.exec(text)?.[1] ?? (/^\w+\s*:/.test(text) ? text : undefined);
  if (body === undefined) return undefined;
  const values: Record<string, string> = {};
  for (const match of body.matchAll(/(\w+)\s*:\s*([^,\s}]+)/g)) values[match[1]!] = match[2]!;
  return values;
}
