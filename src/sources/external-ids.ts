// Which external ids in WorkOS look like this source's own, so that a record of this migration
// that left the export is found even when the checkpoint that made it is gone. A source whose
// ids have no telling shape (UUIDs, free text) relies on the checkpoint alone.

const USER_ID_SHAPES: Record<string, RegExp> = {
  // Auth0: `<connection strategy>|<id>` (auth0|…, google-oauth2|…, samlp|acme|…).
  auth0: /^[a-z0-9-]+\|\S+$/i,
  // Clerk ids are a prefix and 27 base62 characters (a KSUID).
  clerk: /^user_[A-Za-z0-9]{27}$/,
};

// Both use `org_`: Auth0's are 16 characters after it, Clerk's 27, so a two-source environment
// does not take the other source's organizations for its own.
const ORGANIZATION_ID_SHAPES: Record<string, RegExp> = {
  auth0: /^org_[A-Za-z0-9]{16}$/,
  clerk: /^org_[A-Za-z0-9]{27}$/,
};

export function sourceOwnsExternalId(source: string, entity: 'user' | 'organization', externalId: string): boolean {
  const shape = (entity === 'user' ? USER_ID_SHAPES : ORGANIZATION_ID_SHAPES)[source];
  return shape?.test(externalId) === true;
}
