import type { MappingConfig } from '../../config/mapping-config.js';
import { readTextHead } from '../../io/byte-stream.js';
import { readCsvRecords } from '../../io/csv.js';
import { csvHeaderShape, misplacedExport } from '../../io/export-shape.js';
import { UsageError, type SourceItem } from '../../model/types.js';
import { mapClerkUser } from './map-user.js';
import {
  CLERK_JSON_FIELD_EXPECTATIONS,
  CLERK_SECRET_FIELDS,
  ClerkJsonUserSchema,
  clerkCsvUser,
  clerkJsonUser,
} from './schema.js';
import { wrongFieldType } from '../../model/problems.js';
import { readJsonObjects } from '../json-objects.js';
import { badCsvRow, checkFirstRecord, userProblem } from '../user-items.js';

export interface ClerkUsersOptions {
  usersPath: string;
  config: MappingConfig;
}

/**
 * Every user of a Clerk export (the dashboard CSV, or the older JSON array; gzipped or not),
 * as canonical items, one at a time. The format is told by the first character of the file,
 * not its name. TOTP secrets are read only to know the user had TOTP, and are dropped from the
 * record before anything else sees it.
 */
export async function* readClerkUsers(options: ClerkUsersOptions): AsyncGenerator<SourceItem> {
  const path = options.usersPath;
  if ((await detectFormat(path)) === 'json') yield* readJsonUsers(path, options.config);
  else yield* readCsvUsers(path, options.config);
}

async function detectFormat(path: string): Promise<'csv' | 'json'> {
  const first = (await readTextHead(path)).trimStart().charAt(0);
  if (first === '')
    throw new UsageError(`${path}: the file holds only blank space; export the users again or check the path.`);
  return first === '[' || first === '{' ? 'json' : 'csv';
}

async function* readCsvUsers(path: string, config: MappingConfig): AsyncGenerator<SourceItem> {
  let columns: Map<string, number> | undefined;
  const columnOf = (field: string) => columns?.get(field);
  for await (const item of readCsvRecords(path)) {
    if (!item.ok) {
      yield badCsvRow(path, item);
      continue;
    }
    if (!columns) {
      // Every row is keyed by the same header, in its order.
      const names = Object.keys(item.row);
      checkHeader(path, names);
      columns = new Map(names.map((name, i) => [name, i + 1]));
    }
    yield* mapClerkUser(clerkCsvUser(item.row), { file: path, line: item.line }, columnOf, config);
  }
}

function checkHeader(path: string, columns: string[]): void {
  // `email_addresses` alone: the older dashboard CSV.
  const emailColumns = [
    'primary_email_address',
    'verified_email_addresses',
    'unverified_email_addresses',
    'email_addresses',
  ];
  if (columns.includes('id') && emailColumns.some((c) => columns.includes(c))) return;
  const misplaced = misplacedExport(path, { source: 'clerk', kind: 'users' }, csvHeaderShape(columns));
  if (misplaced) throw new UsageError(misplaced);
  throw new UsageError(
    `${path}: this CSV is not a Clerk user export: its header needs an id column and at least one of ${emailColumns.join(', ')}. Export the users from the Clerk dashboard again.`,
  );
}

const noColumn = () => undefined;

async function* readJsonUsers(path: string, config: MappingConfig): AsyncGenerator<SourceItem> {
  // Clerk's Backend API pages (`{"data":[…],"total_count":n}`), as for organizations, or a `{"users":[…]}` wrapper.
  const arrayKey = /"(users|data)"\s*:\s*\[/.exec(await readTextHead(path))?.[1] ?? 'users';
  const firstObject = (raw: Record<string, unknown>) => checkFirstRecord(path, 'clerk', raw);
  for await (const item of readJsonObjects(path, 'user', { arrayKey, firstObject })) {
    if (item.kind !== 'object') {
      yield item;
      continue;
    }
    const { raw, location } = item;
    const parsed = ClerkJsonUserSchema.safeParse(raw);
    if (!parsed.success) {
      const { field, message } = wrongFieldType(parsed.error.issues[0]!, raw, CLERK_JSON_FIELD_EXPECTATIONS);
      const sourceId = typeof raw.id === 'string' ? raw.id : undefined;
      for (const secret of CLERK_SECRET_FIELDS) delete raw[secret];
      yield userProblem(location, sourceId, 'invalid_field_type', message, field);
      continue;
    }
    yield* mapClerkUser(clerkJsonUser(parsed.data, raw), location, noColumn, config);
  }
}
