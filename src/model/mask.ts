/**
 * An email as logs and PR comments may show it (DESIGN §3): `j***@acme.com`. Enough to tell
 * users apart in a short list, not enough to read the address. Text that is not an email
 * becomes `***`.
 */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return '***';
  const first = [...trimmed.slice(0, at)][0] ?? '';
  const domain = trimmed.slice(at + 1);
  return `${first}***@${domain}`;
}
