import {
  hashShapeProblem,
  isPasswordHashType,
  PASSWORD_HASH_TYPES,
  type PasswordHashType,
} from '../password-verify.js';
import { BodyFields, pageRequest } from '../request-fields.js';
import { passwordCredential, type Credential, type EmulatorStore, type UserChanges } from '../store.js';
import { badRequest } from '../wire.js';
import type { Route } from './route-table.js';

export function userRoutes(store: EmulatorStore): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/user_management/users',
      handle({ body }) {
        const fields = new BodyFields(body);
        const email = fields.requiredEmail('email');
        const firstName = fields.nullableString('first_name');
        const lastName = fields.nullableString('last_name');
        const emailVerified = fields.optionalBoolean('email_verified');
        const externalId = fields.externalId();
        const metadata = fields.metadata();
        const password = readPasswordFields(fields);
        fields.done();
        const credential = toCredential(password);
        return {
          status: 201,
          body: store.createUser({
            email,
            email_verified: emailVerified ?? false,
            first_name: firstName ?? null,
            last_name: lastName ?? null,
            external_id: externalId ?? null,
            metadata: metadata ?? {},
            credential,
          }),
        };
      },
    },
    {
      method: 'GET',
      pattern: '/user_management/users',
      handle({ query }) {
        const page = pageRequest(query);
        // `organization` is the deprecated spelling of `organization_id`.
        const organizationId = query.get('organization_id') || query.get('organization') || undefined;
        return { status: 200, body: store.listUsers({ email: query.get('email') || undefined, organizationId }, page) };
      },
    },
    {
      method: 'GET',
      pattern: '/user_management/users/external_id/:externalId',
      handle: ({ params }) => ({ status: 200, body: store.getUserByExternalId(params.externalId!) }),
    },
    {
      method: 'GET',
      pattern: '/user_management/users/:id',
      handle: ({ params }) => ({ status: 200, body: store.getUser(params.id!) }),
    },
    {
      method: 'PUT',
      pattern: '/user_management/users/:id',
      handle({ params, body }) {
        const fields = new BodyFields(body);
        const changes: UserChanges = {};
        const email = fields.optionalEmail('email');
        if (email !== undefined) changes.email = email;
        const firstName = fields.nullableString('first_name');
        if (firstName !== undefined) changes.first_name = firstName;
        const lastName = fields.nullableString('last_name');
        if (lastName !== undefined) changes.last_name = lastName;
        const emailVerified = fields.optionalBoolean('email_verified');
        if (emailVerified !== undefined) changes.email_verified = emailVerified;
        const externalId = fields.externalId();
        if (externalId !== undefined) changes.external_id = externalId;
        // The whole object is replaced (null clears it): what is sent is what the user holds.
        const metadata = fields.metadata();
        if (metadata !== undefined) changes.metadata = metadata ?? {};
        const password = readPasswordFields(fields);
        fields.done();
        const credential = toCredential(password);
        if (credential !== undefined) changes.credential = credential;
        return { status: 200, body: store.updateUser(params.id!, changes) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/user_management/users/:id',
      handle({ params }) {
        store.deleteUser(params.id!);
        return { status: 200 };
      },
    },
  ];
}

interface PasswordFields {
  password?: string;
  hash?: string;
  type?: PasswordHashType;
  typeSent: boolean;
}

/** `password`, or `password_hash` with `password_hash_type`; breaches of the schema go with the other field errors (422). */
function readPasswordFields(fields: BodyFields): PasswordFields {
  const password = fields.optionalString('password');
  const hash = fields.optionalString('password_hash');
  const typeValue = fields.raw('password_hash_type');
  const typeSent = typeValue !== undefined && typeValue !== null;
  if (typeSent && !isPasswordHashType(typeValue)) {
    fields.fail(
      'password_hash_type',
      'password_hash_type_invalid',
      `Password hash type must be one of ${PASSWORD_HASH_TYPES.join(', ')}.`,
    );
  }
  if (password === undefined) {
    if (hash !== undefined && !typeSent)
      fields.fail(
        'password_hash_type',
        'password_hash_type_required',
        'Password hash type is required with a password hash.',
      );
    if (hash === undefined && typeSent)
      fields.fail('password_hash', 'password_hash_required', 'Password hash is required with a password hash type.');
  }
  return { password, hash, type: isPasswordHashType(typeValue) ? typeValue : undefined, typeSent };
}

/**
 * The credential to store. A password sent together with a hash, and a hash of the wrong shape
 * for its type, are the API's 400s (codes from the WorkOS OpenAPI description).
 */
function toCredential({ password, hash, type, typeSent }: PasswordFields): Credential | undefined {
  if (password !== undefined) {
    if (hash !== undefined)
      throw badRequest(
        'password_and_password_hash_provided',
        'Provide either a password or a password hash, not both.',
      );
    if (typeSent)
      throw badRequest(
        'password_and_password_hash_type_provided',
        'Provide either a password or a password hash type, not both.',
      );
    return passwordCredential(password);
  }
  if (hash === undefined || type === undefined) return undefined;
  const problem = hashShapeProblem(type, hash);
  if (problem !== undefined)
    throw badRequest('invalid_password_hash', `The password hash is not a valid ${type} hash: ${problem}.`);
  return { kind: 'hash', type, hash };
}
