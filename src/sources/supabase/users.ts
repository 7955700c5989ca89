import type { MappingConfig } from '../../config/mapping-config.js';
import { readTextHead } from '../../io/byte-stream.js';
import { readCsvRecords } from '../../io/csv.js';
import { csvHeaderShape, misplacedExport } from '../../io/export-shape.js';
import { UsageError, type SourceItem } from '../../model/types.js';
import { readJsonObjects } from '../json-objects.js';
import { badCsvRow, checkFirstRecord } from '../user-items.js';
import { mapSupabaseUser } from './map-user.js';

export interface SupabaseUsersOptions {
  usersPath: string;
  config: MappingConfig;
  /** "Now" for `banned_until`; the time of the run by default. */
  now?: number;
}

/**
 * Every user of a Supabase `auth.users` dump, CSV or JSON (an array, NDJSON, or the Admin API's
 * `{"users":[…]}`), gzipped or not, as canonical items one at a time. The format is told by the
 * first character of the file.
 */
export async function* readSupabaseUsers(options: SupabaseUsersOptions): AsyncGenerator<SourceItem> {
  const path = options.usersPath;
  const now = options.now ?? Date.now();
  const first = (await readTextHead(path)).trimStart().charAt(0);
  if (first === '')
    throw new UsageError(`${path}: the file holds only blank space; dump auth.users again or check the path.`);
  if (first === '[' || first === '{') {
    const firstObject = (raw: Record<string, unknown>) => checkFirstRecord(path, 'supabase', raw);
    for await (const item of readJsonObjects(path, 'user', { arrayKey: 'users', firstObject })) {
      if (item.kind !== 'object') yield item;
      else yield* mapSupabaseUser(item.raw, item.location, { config: options.config, columnOf: () => undefined, now });
    }
    return;
  }
  let columns: Map<string, number> | undefined;
  for await (const item of readCsvRecords(path)) {
    if (!item.ok) {
      yield badCsvRow(path, item);
      continue;
    }
    if (!columns) {
      const names = Object.keys(item.row);
      const misplaced = misplacedExport(path, { source: 'supabase', kind: 'users' }, csvHeaderShape(names));
      if (misplaced) throw new UsageError(misplaced);
      if (!names.includes('id') || !names.includes('email')) {
        throw new UsageError(
          `${path}: this CSV is not a dump of auth.users: its header needs the id and email columns. Dump it with \\copy (select * from auth.users) to 'users.csv' csv header.`,
        );
      }
      columns = new Map(names.map((name, i) => [name, i + 1]));
    }
    const known = columns;
    yield* mapSupabaseUser(
      item.row,
      { file: path, line: item.line },
      { config: options.config, columnOf: (field) => known.get(field), now },
    );
  }
}
