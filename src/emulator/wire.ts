// The WorkOS REST API's JSON, as the stand-in sends it: snake_case objects and error bodies.
// Shapes follow the WorkOS OpenAPI description (UserlandUser, Organization,
// UserlandUserOrganizationMembership, Role) and what @workos-inc/node 11 deserializes.

export type Metadata = Record<string, string>;

export interface WireUser {
  object: 'user';
  id: string;
  email: string;
  email_verified: boolean;
  first_name: string | null;
  last_name: string | null;
  profile_picture_url: string | null;
  last_sign_in_at: string | null;
  locale: string | null;
  external_id: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

export type DomainState = 'verified' | 'pending';

export interface WireOrganizationDomain {
  object: 'organization_domain';
  id: string;
  organization_id: string;
  domain: string;
  state: DomainState;
  verification_strategy: 'manual' | 'dns';
  created_at: string;
  updated_at: string;
}

export interface WireOrganization {
  object: 'organization';
  id: string;
  name: string;
  allow_profiles_outside_organization: boolean;
  domains: WireOrganizationDomain[];
  external_id: string | null;
  metadata: Metadata;
  /** Present only once set: the API leaves it out rather than sending null. */
  stripe_customer_id?: string;
  created_at: string;
  updated_at: string;
}

export interface WireRoleRef {
  slug: string;
}

export type MembershipStatus = 'active' | 'inactive' | 'pending';

/** A membership as the snapshot holds it; API answers also embed the member as `user`. */
export interface WireMembership {
  object: 'organization_membership';
  id: string;
  user_id: string;
  organization_id: string;
  organization_name: string;
  status: MembershipStatus;
  directory_managed: boolean;
  /** The primary role: the first of `roles`. */
  role: WireRoleRef;
  roles: WireRoleRef[];
  custom_attributes: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface WireRole {
  object: 'role';
  id: string;
  name: string;
  slug: string;
  description: string | null;
  permissions: string[];
  resource_type_slug: string;
  type: 'EnvironmentRole';
  created_at: string;
  updated_at: string;
}

export interface WirePermission {
  object: 'permission';
  id: string;
  slug: string;
  name: string;
  description: string | null;
  resource_type_slug: string;
  system: boolean;
  created_at: string;
  updated_at: string;
}

/** A webhook endpoint as GET /webhook_endpoints lists it. */
export interface WireWebhookEndpoint {
  object: 'webhook_endpoint';
  id: string;
  endpoint_url: string;
  secret: string;
  status: 'enabled' | 'disabled';
  events: string[];
  created_at: string;
  updated_at: string;
}

export interface WireList<T> {
  object: 'list';
  data: T[];
  list_metadata: { before: string | null; after: string | null };
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** An API answer other than success; routes throw it and the server sends `body` as JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

/** 404 in the API's words, e.g. "User not found: 'user_01…'." */
export function notFound(
  entity: 'User' | 'Organization' | 'Organization membership' | 'Connection',
  id: string,
): ApiError {
  return new ApiError(404, { code: 'entity_not_found', entity_id: id, message: `${entity} not found: '${id}'.` });
}

/**
 * 422 for a request body or query that breaks the schema (missing or mistyped fields). The SDK
 * turns it into UnprocessableEntityException; each entry's `code` ends up in its message.
 */
export function invalidParameters(errors: FieldError[]): ApiError {
  return new ApiError(422, { code: 'invalid_request_parameters', message: 'Validation failed.', errors });
}

/**
 * 400 with a top-level code and no `errors`: the SDK surfaces it as GenericServerException with
 * `.code` (e.g. external_id_already_used, invalid_password_hash, invalid_metadata).
 */
export function badRequest(code: string, message: string): ApiError {
  return new ApiError(400, { code, message });
}

/**
 * The connection types the API names (`connection_type`), as @workos-inc/node 11's
 * ConnectionType enum lists them. The enterprise ones are SAML and OIDC; the OAuth ones and
 * MagicLink are sign-in methods of the environment, not of one organization.
 */
export const CONNECTION_TYPES = [
  'ADFSSAML',
  'AdpOidc',
  'AppleOAuth',
  'Auth0SAML',
  'AzureSAML',
  'CasSAML',
  'CleverOIDC',
  'ClassLinkSAML',
  'CloudflareSAML',
  'CyberArkSAML',
  'DuoSAML',
  'EntraIdOIDC',
  'GenericOIDC',
  'GenericSAML',
  'GitHubOAuth',
  'GoogleOAuth',
  'GoogleSAML',
  'JumpCloudSAML',
  'KeycloakSAML',
  'LastPassSAML',
  'LoginGovOidc',
  'MagicLink',
  'MicrosoftOAuth',
  'MiniOrangeSAML',
  'NetIqSAML',
  'OktaOIDC',
  'OktaSAML',
  'OneLoginSAML',
  'OracleSAML',
  'PingFederateSAML',
  'PingOneSAML',
  'RipplingSAML',
  'SalesforceOAuth',
  'SalesforceSAML',
  'ShibbolethGenericSAML',
  'ShibbolethSAML',
  'SimpleSamlPhpSAML',
  'VMwareSAML',
] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

/** Only `active` connections sign anyone in; `draft` is one an IT admin has not finished setting up. */
export const CONNECTION_STATES = ['requires_type', 'draft', 'active', 'validating', 'inactive', 'deleting'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** An SSO connection (WorkOS "Connection"), as `GET /connections` lists it. */
export interface WireConnection {
  object: 'connection';
  id: string;
  organization_id: string;
  connection_type: ConnectionType;
  name: string;
  state: ConnectionState;
  /** Deprecated by WorkOS in favour of `state`: `linked` when active. */
  status: 'linked' | 'unlinked';
  domains: Array<{ object: 'connection_domain'; id: string; domain: string }>;
  created_at: string;
  updated_at: string;
}
