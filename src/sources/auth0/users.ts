import { StringColumn } from '../../compact/columns.js';
import { readJsonRecordBatches, type JsonRecord } from '../../io/json-records.js';
import { jsonObjectOf } from '../json-objects.js';
import { checkFirstRecord } from '../user-items.js';
import { type RecordRow, recordFromRow, recordRow } from '../../model/record-row.js';
import { UsageError, type SourceItem } from '../../model/types.js';
import { pickMetadataFields } from '../../config/metadata-fields.js';
import { checkMetadata } from '../../model/validate.js';
import { auth0MetadataFields, mapAuth0User } from './map-user.js';
import { type LoadedPasswords, loadAuth0PasswordsInBackground, type PasswordLoad } from './passwords.js';

export interface Auth0UserFiles {
  /** The bulk user export (NDJSON or a JSON array, gzipped or not), as the user named it. */
  usersPath: string;
  /** The password-hash export from Auth0 support (NDJSON). */
  passwordsPath?: string;
  /** WorkOS metadata key → Auth0 field (`app_metadata.plan`); nothing is imported without one. */
  metadataMap?: Record<string, string>;
  /** The config's `policies.partialExports`: `import` reads a Management API page that is not the whole tenant. */
  partialExports?: 'refuse' | 'import';
}

/**
 * Every user of an Auth0 export as a canonical record, with its bcrypt hash joined when a
 * password file is given. Yields, in order: problems of the password file, then each user (or
 * the problem that keeps it out), then the password rows that joined no user. Blocked users
 * are yielded like any other (`blocked: true`); the planner applies the policy.
 */
export async function* readAuth0Users(options: Auth0UserFiles): AsyncGenerator<SourceItem> {
  for await (const batch of readAuth0UserBatches(options)) yield* batch;
}

/**
 * readAuth0Users, a batch at a time (one per chunk of the file): a step of an async generator
 * costs more than mapping a user, so a million users should not take three million steps.
 *
 * The password file is read in the background (a worker thread) while the user export is read
 * and mapped here; users mapped before the password index is ready wait, encoded in a spilled
 * column, and are joined first, in order, once it is. So the output is the same as reading the
 * password file first, in about the time of the longer of the two.
 */
export async function* readAuth0UserBatches(
  options: Auth0UserFiles,
  startLoad: (path: string) => PasswordLoad = loadAuth0PasswordsInBackground,
): AsyncGenerator<SourceItem[]> {
  const loading = options.passwordsPath === undefined ? undefined : startLoad(options.passwordsPath);
  // Users mapped while the password file loads, as batches of rows, to join once it has.
  const waiting = new StringColumn();
  try {
    const file = options.usersPath;
    const metadataMap =
      options.metadataMap && Object.keys(options.metadataMap).length > 0 ? options.metadataMap : undefined;
    let passwords: LoadedPasswords | undefined;
    // The password problems come first, then the users that waited, in order.
    async function* whenLoaded(): AsyncGenerator<SourceItem[]> {
      passwords = await loading!.result;
      if (passwords.problems.length > 0)
        yield passwords.problems.map((problem): SourceItem => ({ kind: 'problem', problem }));
      for (let row = 0; row < waiting.length; row++) yield joined(unpackWaiting(waiting.get(row), file), passwords);
      waiting.close();
    }

    const pages = new ApiPages();
    let first = true;
    // `users`: a Management API page (`GET /api/v2/users?include_totals=true`) holds them there.
    for await (const batch of readJsonRecordBatches(file, { arrayKey: 'users', onWrapperEnd: (f) => pages.add(f) })) {
      if (first) {
        const record = batch.find((item) => item.ok);
        if (record?.ok) {
          first = false;
          checkFirstRecord(file, 'auth0', record.value);
        }
      }
      const mapped = mapBatch(batch, file, metadataMap);
      if (loading && !passwords) {
        if (!loading.settled) {
          waiting.push(packWaiting(mapped));
          continue;
        }
        yield* nonEmpty(whenLoaded());
      }
      const items = joined(mapped, passwords);
      if (items.length > 0) yield items;
    }
    if (loading && !passwords) yield* nonEmpty(whenLoaded());
    const partial = pages.missing();
    if (partial && options.partialExports !== 'import') {
      throw new UsageError(
        `${file}: this Management API page holds ${partial} of the tenant's users, so the file is part of the export; ` +
          'export every user with the users-exports job (or migrate-to-workos export --source auth0), ' +
          'or set policies.partialExports: import in the config if this part is meant (never with --prune).',
      );
    }

    const unmatched = passwords?.index.unmatched() ?? [];
    if (unmatched.length > 0) yield unmatched.map((problem): SourceItem => ({ kind: 'problem', problem }));
  } finally {
    loading?.cancel();
    waiting.close();
  }
}

/** A mapped user (or the problem that keeps it out), before its password is joined. */
interface MappedItem {
  item: SourceItem;
  /** The database connections a user can join a password row by email through. */
  connections?: string[];
  /** The id of a user that was invalid: its password row is not reported as unmatched. */
  settle?: string;
}

function mapBatch(batch: JsonRecord[], file: string, metadataMap: Record<string, string> | undefined): MappedItem[] {
  const items: MappedItem[] = [];
  for (const item of batch) {
    const object = jsonObjectOf(item, file, 'user');
    if (object.kind !== 'object') {
      items.push({ item: object });
      continue;
    }
    const mapped = mapAuth0User(object.raw, object.location);
    if (!mapped.ok) {
      items.push({
        item: { kind: 'problem', problem: mapped.problem },
        ...(mapped.problem.sourceId ? { settle: mapped.problem.sourceId } : {}),
      });
      continue;
    }
    const record = mapped.record;
    if (metadataMap) {
      const metadata = checkMetadata(pickMetadataFields(auth0MetadataFields(mapped.user), metadataMap));
      if (!metadata.ok) {
        items.push({
          item: {
            kind: 'problem',
            problem: {
              entity: 'user',
              sourceId: record.sourceId,
              location: record.location,
              field: metadata.field,
              code: metadata.code,
              message: metadata.message,
              severity: 'error',
            },
          },
          settle: record.sourceId,
        });
        continue;
      }
      record.metadata = metadata.metadata;
    }
    items.push({ item: { kind: 'user', record }, connections: mapped.databaseConnections });
  }
  return items;
}

/** The batch's items with each user's password joined (each join's problems just before it). */
function joined(batch: MappedItem[], passwords: LoadedPasswords | undefined): SourceItem[] {
  if (!passwords) return batch.map(({ item }) => item);
  const items: SourceItem[] = [];
  for (const { item, connections, settle } of batch) {
    if (settle !== undefined) passwords.index.settle(settle);
    if (item.kind === 'user') {
      const record = item.record;
      const join = passwords.index.join({
        userId: record.sourceId,
        email: record.email,
        emailVerified: record.emailVerified,
        databaseConnections: connections ?? [],
      });
      record.passwordGap = join.passwordGap;
      if (join.password) record.password = join.password;
      for (const problem of join.problems) items.push({ kind: 'problem', problem });
    }
    items.push(item);
  }
  return items;
}

/**
 * A batch of mapped items as JSON, users as record rows (arrays, no key names): half the text
 * of the objects, and half the time to parse back.
 */
function packWaiting(batch: MappedItem[]): string {
  return JSON.stringify(
    batch.map(({ item, connections, settle }) =>
      item.kind === 'user' ? [recordRow(item.record, 0), connections ?? []] : [item, settle ?? null],
    ),
  );
}

function unpackWaiting(text: string, file: string): MappedItem[] {
  const files = [file];
  return (JSON.parse(text) as ([RecordRow, string[]] | [SourceItem, string | null])[]).map(([first, second]) =>
    Array.isArray(first)
      ? { item: { kind: 'user', record: recordFromRow(first, files) }, connections: second as string[] }
      : { item: first, ...(second === null ? {} : { settle: second as string }) },
  );
}

async function* nonEmpty(batches: AsyncIterable<SourceItem[]>): AsyncGenerator<SourceItem[]> {
  for await (const batch of batches) if (batch.length > 0) yield batch;
}

/**
 * The pages of `GET /api/v2/users` saved as they came (`{"start":0,"limit":50,"length":50,
 * "users":[…],"total":120}`, or with checkpoint paging `{"users":[…],"next":"…"}`), one after
 * another: whether they hold every user the totals speak of.
 */
class ApiPages {
  private from = Number.POSITIVE_INFINITY;
  private to = 0;
  private total: number | undefined;
  private more = false;

  add(fields: ReadonlyMap<string, string>): void {
    const number = (key: string) => {
      const value = Number(fields.get(key));
      return fields.has(key) && Number.isInteger(value) && value >= 0 ? value : undefined;
    };
    const next = fields.get('next');
    this.more = next !== undefined && next !== '' && next !== 'null' && next !== '""';
    const start = number('start');
    const length = number('length');
    const total = number('total');
    if (start === undefined || length === undefined || total === undefined) return;
    // `start` is the index of the page's first user, `length` how many it holds.
    this.from = Math.min(this.from, start);
    this.to = Math.max(this.to, start + length);
    this.total = total;
  }

  /** "users 51–100 of 120" when some are missing, else undefined. */
  missing(): string | undefined {
    if (this.more) return 'one page';
    if (this.total === undefined || (this.from === 0 && this.to >= this.total)) return undefined;
    return `users ${this.from + 1}–${this.to} of ${this.total}`;
  }
}
