import type { Auth0Tenant } from './auth0-tenant.js';
import { WORKOS_DOCS as DOCS, type InventoryItem } from './item.js';

// Each dependency of an Auth0 tenant, classified. Portable: what this tool moves (a database
// connection's users and hashes, OTP factors, roles, organizations). Replaceable: WorkOS has the
// feature and a person configures it. Redesign: custom code or behaviour (Rules, Actions, Hooks,
// a custom database's scripts) and what WorkOS does not offer (SMS).

/** Auth0 social strategies WorkOS AuthKit's Social Login offers a provider for. */
const WORKOS_SOCIAL: Record<string, string> = {
  'google-oauth2': 'Google',
  windowslive: 'Microsoft',
  github: 'GitHub',
  apple: 'Apple',
  gitlab: 'GitLab',
  linkedin: 'LinkedIn',
  slack: 'Slack',
};

/** Auth0 enterprise strategies WorkOS SSO covers with a SAML or OIDC connection per organization. */
const ENTERPRISE = new Set(['samlp', 'waad', 'adfs', 'oidc', 'okta', 'google-apps', 'pingfederate', 'office365']);

/** Enterprise strategies with no WorkOS counterpart: an on-premises directory behind a connector, an IP range. */
const ON_PREMISES = new Set(['ad', 'auth0-adldap', 'ip']);

/** Social strategies Auth0 offers; those WorkOS lacks need another sign-in method for their users. */
const OTHER_SOCIAL = new Set([
  'facebook',
  'twitter',
  'amazon',
  'bitbucket',
  'dropbox',
  'instagram',
  'paypal',
  'salesforce',
  'yahoo',
  'line',
  'discord',
  'oauth2',
  'oauth1',
]);

export function classifyAuth0(tenant: Auth0Tenant): InventoryItem[] {
  return [
    ...tenant.connections.map(connectionItem),
    ...tenant.rules.map(
      (rule): InventoryItem => ({
        kind: 'rule',
        name: rule.name,
        enabled: rule.enabled,
        classification: 'redesign',
        replacement:
          'WorkOS Actions (an endpoint of yours that allows or denies a sign-in or a registration), or code in your app after sign-in.',
        action: rule.enabled
          ? 'Read what the rule does; rebuild what still matters as an authentication Action or in your app, before cutover.'
          : 'Disabled: nothing runs today. Delete it, or note why it exists.',
        docs: DOCS.actions,
      }),
    ),
    ...tenant.actions.map(
      (action): InventoryItem => ({
        kind: 'action',
        name: action.name,
        enabled: action.boundTo.length > 0,
        classification: 'redesign',
        detail:
          action.boundTo.length > 0
            ? `bound to ${action.boundTo.join(', ')}`
            : `unbound (${action.triggers.join(', ') || 'no trigger'})`,
        replacement: actionReplacement(action.boundTo.length > 0 ? action.boundTo : action.triggers),
        action:
          action.boundTo.length > 0
            ? 'Rebuild its logic: a WorkOS authentication or registration Action, a JWT template for custom claims, or code in your app.'
            : 'Unbound: it runs on no trigger. Nothing to move; delete it or note why it exists.',
        docs: DOCS.actions,
      }),
    ),
    ...tenant.hooks.map(
      (hook): InventoryItem => ({
        kind: 'hook',
        name: hook.name,
        enabled: hook.enabled,
        classification: 'redesign',
        detail: hook.triggerId || undefined,
        replacement: actionReplacement([hook.triggerId]),
        action: hook.enabled
          ? 'Rebuild its logic as a WorkOS Action or in your app; Hooks are Auth0 code that does not move.'
          : 'Disabled: nothing runs today. Delete it, or note why it exists.',
        docs: DOCS.actions,
      }),
    ),
    ...tenant.customDomains.map(
      (domain): InventoryItem => ({
        kind: 'custom_domain',
        name: domain.domain,
        enabled: domain.status === 'ready',
        classification: 'replaceable',
        detail: domain.status || undefined,
        replacement: 'An AuthKit custom domain (production environments), set up in the WorkOS dashboard with a CNAME.',
        action: 'Choose the domain AuthKit will use, add its CNAME, and update redirect URIs in your apps at cutover.',
        docs: DOCS.customDomain,
      }),
    ),
    ...tenant.factors.filter((f) => f.enabled).map(factorItem),
    ...(tenant.branding && Object.values(tenant.branding).some(Boolean)
      ? [
          {
            kind: 'branding',
            name: 'Universal Login branding',
            enabled: true,
            classification: 'replaceable' as const,
            detail: (['logo', 'colors', 'font', 'favicon'] as const).filter((k) => tenant.branding![k]).join(', '),
            replacement: 'AuthKit branding: logo, colours and fonts in the WorkOS dashboard.',
            action: 'Set the logo, colours and fonts in the WorkOS dashboard (Branding).',
            docs: DOCS.branding,
          },
        ]
      : []),
    ...tenant.logStreams.map(
      (stream): InventoryItem => ({
        kind: 'log_stream',
        name: stream.name,
        enabled: stream.status === 'active',
        classification: 'replaceable',
        detail: [stream.type, stream.status].filter(Boolean).join(', '),
        replacement: 'WorkOS events: the Events API, webhooks, or event streaming to your log destination.',
        action:
          'Send WorkOS events where this stream goes (webhook endpoint or streaming), and rebuild alerts on WorkOS event names.',
        docs: DOCS.events,
      }),
    ),
    ...tenant.clients.map(
      (client): InventoryItem => ({
        kind: 'application',
        name: client.name,
        enabled: true,
        classification: 'replaceable',
        detail: client.appType,
        replacement:
          client.appType === 'non_interactive'
            ? 'A WorkOS M2M application (client credentials).'
            : 'Your app signs in through AuthKit with the environment’s client ID and redirect URIs.',
        action:
          client.appType === 'non_interactive'
            ? 'Create an M2M application in WorkOS and rotate the service’s credentials at cutover.'
            : 'Register its redirect URIs in WorkOS and switch its sign-in to AuthKit at cutover.',
        docs: client.appType === 'non_interactive' ? DOCS.m2m : DOCS.connect,
      }),
    ),
    ...tenant.apis.map(
      (api): InventoryItem => ({
        kind: 'api',
        name: api.name,
        enabled: true,
        classification: 'replaceable',
        replacement: 'WorkOS access tokens (with a JWT template for custom claims) verified by your API.',
        action:
          'Change the API to verify WorkOS access tokens (JWKS, issuer, audience); map scopes to roles and permissions.',
        docs: DOCS.jwtTemplates,
      }),
    ),
    ...tenant.roles.map(
      (role): InventoryItem => ({
        kind: 'role',
        name: role.name,
        enabled: true,
        classification: 'portable',
        replacement: 'A WorkOS role (environment or organization role) with the same slug.',
        action: 'Moved by import: roles the export uses are created before memberships (map names in the config).',
        docs: DOCS.roles,
      }),
    ),
    ...(tenant.organizations
      ? [
          {
            kind: 'organizations',
            name: `${tenant.organizations} organization(s)`,
            enabled: true,
            classification: 'portable' as const,
            replacement: 'WorkOS organizations with memberships, roles and domains.',
            action: 'Moved by import (export --source auth0 writes the organizations file).',
            docs: DOCS.organizations,
          },
        ]
      : []),
  ];
}

function connectionItem(connection: Auth0Tenant['connections'][number]): InventoryItem {
  const base = {
    kind: 'connection',
    name: connection.name,
    // Auth0 says which applications use a connection; no application means nobody signs in with it.
    enabled: connection.enabledClients === undefined || connection.enabledClients > 0,
    detail: connection.strategy,
  };
  const { strategy } = connection;
  if (strategy === 'auth0' && connection.customDatabase)
    return {
      ...base,
      detail: `custom database${connection.importMode ? ', import mode' : ''}`,
      classification: 'redesign',
      replacement: connection.importMode
        ? 'Users move in bulk (this tool) or on first sign-in with the lazy migration library; the scripts do not move.'
        : 'WorkOS holds the users itself: a custom database (your scripts, your store) has no counterpart.',
      action: connection.importMode
        ? 'Export what Auth0 already imported and use import --lazy-passwords for the rest; retire the scripts.'
        : 'Export the users from your own store into a file this tool reads (CSV), import them, and retire the scripts.',
      docs: DOCS.migrations,
    };
  if (strategy === 'auth0')
    return {
      ...base,
      detail: 'database',
      classification: 'portable',
      replacement: 'WorkOS users with email + password (imported bcrypt hashes).',
      action: 'Moved by import: users from export --source auth0, hashes from the Auth0 support export (--passwords).',
      docs: DOCS.emailPassword,
    };
  if (strategy === 'email')
    return {
      ...base,
      detail: 'passwordless email',
      classification: 'replaceable',
      replacement: 'Magic Auth: a one-time code by email.',
      action: 'Turn on Magic Auth in the WorkOS dashboard; the users move with import and sign in by email code.',
      docs: DOCS.magicAuth,
    };
  if (strategy === 'sms')
    return {
      ...base,
      detail: 'passwordless SMS',
      classification: 'redesign',
      replacement: 'None: WorkOS has no sign-in by SMS.',
      action:
        'Move these users to email (Magic Auth), a password or passkeys before cutover; users without an email cannot move.',
      docs: DOCS.magicAuth,
    };
  const social = WORKOS_SOCIAL[strategy];
  if (social)
    return {
      ...base,
      classification: 'replaceable',
      replacement: `AuthKit Social Login with ${social}.`,
      action: `Configure ${social} in the WorkOS dashboard with your own OAuth credentials; users link by email on first sign-in.`,
      docs: DOCS.socialLogin,
    };
  if (ENTERPRISE.has(strategy))
    return {
      ...base,
      classification: 'replaceable',
      replacement: 'A WorkOS SSO connection (SAML or OIDC) on the customer’s organization.',
      action:
        'Set up the connection for its organization (an Admin Portal link from cutover --portal-links); the IdP admin points it at WorkOS.',
      docs: DOCS.sso,
    };
  if (ON_PREMISES.has(strategy))
    return {
      ...base,
      classification: 'redesign',
      replacement: 'A SAML or OIDC connection from the customer’s identity provider in front of the directory.',
      action:
        'Agree with the customer on an IdP (e.g. AD FS, Entra ID) that WorkOS SSO can use; the connector does not move.',
      docs: DOCS.sso,
    };
  if (OTHER_SOCIAL.has(strategy) || strategy !== '')
    return {
      ...base,
      classification: 'redesign',
      replacement: 'No WorkOS provider for this strategy: its users need another way in.',
      action: 'Offer these users email + password, Magic Auth or a supported provider, and tell them before cutover.',
      docs: DOCS.socialLogin,
    };
  return {
    ...base,
    classification: 'redesign',
    replacement: 'Unknown strategy.',
    action: 'Check this connection by hand.',
    docs: DOCS.migrations,
  };
}

function factorItem(factor: { name: string }): InventoryItem {
  const base = { kind: 'mfa_factor', name: factor.name, enabled: true };
  switch (factor.name) {
    case 'otp':
      return {
        ...base,
        classification: 'portable',
        replacement: 'AuthKit MFA with TOTP authenticator apps.',
        action:
          'Moved by import where the export carries the TOTP secret; the others re-enroll (reenroll.csv). Turn on MFA in WorkOS.',
        docs: DOCS.mfa,
      };
    case 'webauthn-roaming':
    case 'webauthn-platform':
      return {
        ...base,
        classification: 'replaceable',
        replacement: 'AuthKit passkeys.',
        action: 'Turn on passkeys in WorkOS; users register a passkey again (credentials cannot leave Auth0).',
        docs: DOCS.passkeys,
      };
    case 'email':
      return {
        ...base,
        classification: 'replaceable',
        replacement: 'Magic Auth or email verification codes.',
        action: 'Use TOTP for MFA in WorkOS, or Magic Auth where an email code was the point.',
        docs: DOCS.magicAuth,
      };
    default:
      // sms, push-notification, duo, recovery-code: no WorkOS counterpart.
      return {
        ...base,
        classification: 'redesign',
        replacement: 'None: AuthKit MFA is TOTP.',
        action: `Users with ${factor.name} enroll a TOTP app after cutover (reenroll.csv lists who had MFA); tell them beforehand.`,
        docs: DOCS.mfa,
      };
  }
}

/** What takes the place of code on an Auth0 trigger. */
function actionReplacement(triggers: string[]): string {
  if (triggers.some((t) => t === 'post-login' || t === 'credentials-exchange'))
    return 'A WorkOS authentication Action (allow or deny), a JWT template for token claims, or app code after sign-in.';
  if (triggers.some((t) => t.includes('user-registration') || t === 'user-registration'))
    return 'A WorkOS user registration Action (allow or deny), or a user.created webhook for what runs after.';
  if (triggers.some((t) => t === 'send-phone-message')) return 'None: WorkOS sends no SMS.';
  return 'WorkOS Actions or webhooks (events), or code in your app.';
}
