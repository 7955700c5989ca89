// The user-metadata key that tells the library (and the application) where a user's password
// stands in a lazy migration. `import --lazy-passwords` writes `pending` on users whose password
// could not be imported; the first sign-in that the old provider confirms writes `moved`.
// WorkOS metadata allows 50 keys, keys of 40 characters and values of 600: both fit.

export const LAZY_METADATA_KEY = 'migrate_to_workos_lazy';
export const LAZY_PENDING = 'pending';
export const LAZY_MOVED = 'moved';

export type LazyMark = typeof LAZY_PENDING | typeof LAZY_MOVED;

/** The mark a user's metadata holds, if any (anything else is no mark). */
export function lazyMarkOf(metadata: Record<string, unknown> | null | undefined): LazyMark | undefined {
  const value = metadata?.[LAZY_METADATA_KEY];
  return value === LAZY_PENDING || value === LAZY_MOVED ? value : undefined;
}
