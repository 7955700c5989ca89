import type { MappingConfig } from '../../config/mapping-config.js';
import { UsageError, type SourceItem } from '../../model/types.js';
import { describeType } from '../../model/validate.js';
import { readJsonObjects } from '../json-objects.js';
import { checkFirstRecord, userProblem } from '../user-items.js';
import { mapCognitoUser } from './map-user.js';

export interface CognitoUsersOptions {
  usersPath: string;
  config: MappingConfig;
}

/**
 * Every user of `aws cognito-idp list-users` output, one at a time: one page
 * (`{"Users":[…]}`, which is what the CLI writes when it follows the pages for you), several
 * pages one after another or as an array of pages, or NDJSON of users (`jq -c '.Users[]'`). AWS
 * has no CSV user export. Users inside an array of pages point at their page's line, with the
 * field naming the entry (`Users[3]`).
 *
 * A file whose last page still carries a pagination token (`PaginationToken` from the API,
 * `NextToken` from the CLI's `--max-items`) is part of the pool: imported as the whole, every
 * user on the missing pages would look removed. It is refused once read (nothing is planned
 * before the whole export is read) unless `policies.partialExports` is `import`.
 */
export async function* readCognitoUsers(options: CognitoUsersOptions): AsyncGenerator<SourceItem> {
  let lastPageContinues = false;
  const onPage = (fields: ReadonlyMap<string, string>) => {
    lastPageContinues = [...PAGE_TOKENS].some((key) => fields.has(key) && fields.get(key) !== 'null');
  };
  for await (const item of readJsonObjects(options.usersPath, 'user', {
    arrayKey: 'Users',
    onWrapperEnd: onPage,
    firstObject: (raw) => checkFirstRecord(options.usersPath, 'cognito', raw),
  })) {
    if (item.kind !== 'object') {
      yield item;
      continue;
    }
    const { raw, location } = item;
    if (raw.Username === undefined && raw.Attributes === undefined && 'Users' in raw) {
      // One page of an array of pages.
      onPage(
        new Map(
          Object.entries(raw).flatMap(([key, value]) =>
            typeof value === 'string' && value !== '' ? [[key, value]] : [],
          ),
        ),
      );
      if (!Array.isArray(raw.Users)) {
        yield userProblem(
          location,
          undefined,
          'invalid_field_type',
          `The field Users must be an array of users, not ${describeType(raw.Users)}.`,
          'Users',
        );
        continue;
      }
      for (const [i, user] of raw.Users.entries()) {
        if (typeof user !== 'object' || user === null || Array.isArray(user)) {
          yield userProblem(
            location,
            undefined,
            'invalid_record',
            `Each user must be a JSON object; this one is ${describeType(user)}.`,
            `Users[${i}]`,
          );
        } else yield* mapCognitoUser(user as Record<string, unknown>, location, options.config, `Users[${i}].`);
      }
      continue;
    }
    yield* mapCognitoUser(raw, location, options.config);
  }
  if (lastPageContinues && options.config.policies.partialExports !== 'import') {
    throw new UsageError(
      `${options.usersPath}: the last page of this list-users output has a pagination token, so the file holds part of the user pool; ` +
        'export the whole pool with `aws cognito-idp list-users --user-pool-id <pool> > users.json` (without --max-items: the CLI then follows every page), ' +
        'or set policies.partialExports: import in the config if this part is meant (never with --prune).',
    );
  }
}

/** Keys of a page that say more pages follow: the API's and the AWS CLI's (with `--max-items`). */
const PAGE_TOKENS = new Set(['PaginationToken', 'NextToken']);
