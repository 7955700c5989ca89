import { randomBytes } from 'node:crypto';
import { BodyFields } from '../request-fields.js';
import type { EmulatorStore } from '../store.js';
import type { Route } from './route-table.js';

// The intents `POST /portal/generate_link` accepts (@workos-inc/node 11's GenerateLinkIntent).
const INTENTS = [
  'sso',
  'dsync',
  'audit_logs',
  'log_streams',
  'domain_verification',
  'certificate_renewal',
  'bring_your_own_key',
];

/**
 * `POST /portal/generate_link`: a one-time Admin Portal link for an organization. In WorkOS it
 * expires five minutes after issue and opens setup.workos.com; here it points at the stand-in,
 * holds a random token, and changes no data, so it is paced and counted as a read.
 */
export function portalRoutes(store: EmulatorStore, baseUrl: () => string): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/portal/generate_link',
      readOnly: true,
      handle({ body }) {
        const fields = new BodyFields(body);
        const organization = fields.requiredString('organization');
        const intent = fields.optionalString('intent');
        if (intent !== undefined && !INTENTS.includes(intent)) {
          fields.fail('intent', 'intent_invalid', `Intent must be one of ${INTENTS.join(', ')}.`);
        }
        fields.optionalString('return_url');
        fields.optionalString('success_url');
        fields.done();
        store.getOrganization(organization);
        const token = randomBytes(24).toString('base64url');
        return { status: 201, body: { link: `${baseUrl()}/portal/launch?intent=${intent ?? 'sso'}&token=${token}` } };
      },
    },
  ];
}
