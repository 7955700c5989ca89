// One dependency of the old tenant, as inventory.json lists it. The classification is the
// migration guidance's: `portable` (this tool moves it), `replaceable` (WorkOS has the feature and
// a person configures it), `redesign` (custom code or behaviour to rebuild or drop).

export type Classification = 'portable' | 'replaceable' | 'redesign';

export interface InventoryItem {
  /** connection, rule, action, hook, custom_domain, mfa_factor, branding, log_stream, application, api, role, organizations, … */
  kind: string;
  /** The name the team knows it by in the old provider's dashboard. */
  name: string;
  /** False for what runs nowhere today (a disabled rule, an unbound action): nothing to move. */
  enabled: boolean;
  classification: Classification;
  /** A short qualifier: the connection's strategy, the action's triggers. */
  detail?: string;
  /** What WorkOS offers in its place. */
  replacement: string;
  /** What to do before cutover. */
  action: string;
  /** The WorkOS documentation page for it. */
  docs: string;
}

/** A kind the credentials could not read: the inventory is incomplete there. */
export interface Unread {
  kind: string;
  reason: 'forbidden' | 'not_found';
  /** The read scope to grant. */
  scope: string;
}

export const CLASSIFICATIONS: readonly Classification[] = ['portable', 'replaceable', 'redesign'];

const DOCS_BASE = 'https://workos.com/docs';

/** WorkOS documentation pages the inventory links to, by topic. */
export const WORKOS_DOCS = {
  migrations: `${DOCS_BASE}/authkit/migrations`,
  emailPassword: `${DOCS_BASE}/authkit/email-password`,
  socialLogin: `${DOCS_BASE}/authkit/social-login`,
  sso: `${DOCS_BASE}/authkit/sso`,
  magicAuth: `${DOCS_BASE}/authkit/magic-auth`,
  mfa: `${DOCS_BASE}/authkit/mfa`,
  passkeys: `${DOCS_BASE}/authkit/passkeys`,
  actions: `${DOCS_BASE}/authkit/actions`,
  jwtTemplates: `${DOCS_BASE}/authkit/jwt-templates`,
  customDomain: `${DOCS_BASE}/custom-domains/authkit`,
  branding: `${DOCS_BASE}/authkit/branding`,
  events: `${DOCS_BASE}/events`,
  connect: `${DOCS_BASE}/authkit/connect`,
  m2m: `${DOCS_BASE}/authkit/connect/m2m`,
  roles: `${DOCS_BASE}/authkit/roles-and-permissions`,
  organizations: `${DOCS_BASE}/authkit/users-organizations`,
  customEmailProviders: `${DOCS_BASE}/authkit/custom-email-providers`,
} as const;
