import { describe, expect, it } from 'vitest';
import { type Exchange, WorkOSSpec } from './spec.js';

// The checker the end-to-end tests run on every exchange with the stand-in: it must pass what
// WorkOS's description allows and name the route and the field of what it does not.
const spec = new WorkOSSpec();

const user = {
  object: 'user',
  id: 'user_01E4ZCR3C56J083X43JQXF3JK5',
  email: 'marcelina@example.com',
  email_verified: true,
  first_name: 'Marcelina',
  last_name: 'Davis',
  profile_picture_url: null,
  last_sign_in_at: null,
  locale: null,
  external_id: null,
  metadata: {},
  created_at: '2021-06-25T19:07:33.155Z',
  updated_at: '2021-06-25T19:07:33.155Z',
};

function exchange(overrides: Partial<Exchange>): Exchange {
  return {
    method: 'POST',
    path: '/user_management/users',
    query: new URLSearchParams(),
    body: JSON.stringify({ email: user.email, first_name: 'Marcelina', email_verified: true }),
    response: { status: 201, body: user },
    routeAnswered: true,
    ...overrides,
  };
}

describe("WorkOS's published API description as a check of the stand-in's exchanges", () => {
  it('passes a create and a list as WorkOS describes them', () => {
    expect(spec.check(exchange({}))).toEqual([]);
    const list = { object: 'list', data: [user], list_metadata: { before: null, after: null } };
    expect(
      spec.check(
        exchange({
          method: 'GET',
          query: new URLSearchParams({ limit: '100', order: 'desc', email: user.email }),
          body: '',
          response: { status: 200, body: list },
        }),
      ),
    ).toEqual([]);
  });

  it('picks the literal path over a templated one (external_id before :id)', () => {
    const found = spec.check(
      exchange({
        method: 'GET',
        path: '/user_management/users/external_id/ext_1',
        body: '',
        response: { status: 200, body: user },
      }),
    );
    expect(found).toEqual([]);
  });

  it('names a path or a method WorkOS does not have', () => {
    expect(spec.check(exchange({ path: '/user_management/people' }))).toEqual([
      "POST /user_management/people: the path is not in WorkOS's API",
    ]);
    expect(spec.check(exchange({ method: 'PATCH', path: '/user_management/users', body: '' }))).toEqual([
      "PATCH /user_management/users: WorkOS's /user_management/users has no PATCH",
    ]);
  });

  it('names an undeclared query parameter and a value of the wrong type', () => {
    const found = spec.check(
      exchange({
        method: 'GET',
        query: new URLSearchParams({ limit: 'many', page: '2' }),
        body: '',
        routeAnswered: false,
      }),
    );
    expect(found).toContain("GET /user_management/users: query parameter page is not in WorkOS's API");
    expect(found.join('\n')).toMatch(/GET \/user_management\/users: query \/limit must be integer/);
  });

  it('names a body field WorkOS does not take, and a body where it takes none', () => {
    const found = spec.check(exchange({ body: JSON.stringify({ email: user.email, nickname: 'M' }) }));
    expect(found.join('\n')).toMatch(/POST \/user_management\/users: request body .*\(nickname\)/);
    expect(
      spec.check(exchange({ method: 'DELETE', path: `/user_management/users/${user.id}`, response: { status: 202 } })),
    ).toContain("DELETE /user_management/users/{id}: the request has a body; WorkOS's API takes none");
  });

  it("names an answer's field the spec lacks, a field of the wrong type, and an undeclared status", () => {
    const extra = spec.check(exchange({ response: { status: 201, body: { ...user, nickname: 'M' } } }));
    expect(extra.join('\n')).toMatch(
      /POST \/user_management\/users: 201 answer must NOT have unevaluated properties \(nickname\)/,
    );
    const wrong = spec.check(exchange({ response: { status: 201, body: { ...user, email_verified: 'yes' } } }));
    expect(wrong.join('\n')).toMatch(/201 answer \/email_verified must be boolean/);
    expect(spec.check(exchange({ response: { status: 418, body: {} } }))).toEqual([
      "POST /user_management/users: the answer's status 418 is not in WorkOS's API for this route",
    ]);
  });

  it("leaves the plumbing's answers (limits, injected faults) unchecked, but not their requests", () => {
    expect(spec.check(exchange({ response: { status: 503, body: { code: 'x' } }, routeAnswered: false }))).toEqual([]);
    expect(
      spec.check(
        exchange({ body: JSON.stringify({ nickname: 'M' }), response: { status: 429 }, routeAnswered: false }),
      ),
    ).not.toEqual([]);
  });
});
