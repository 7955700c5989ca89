import type { MappingConfig } from '../../config/mapping-config.js';
import type { SourceItem } from '../../model/types.js';
import { describeType } from '../../model/validate.js';
import { readUserObjects, userProblem } from '../user-items.js';
import { mapCognitoUser } from './map-user.js';

export interface CognitoUsersOptions {
  usersPath: string;
  config: MappingConfig;
}

/**
 * Every user of `aws cognito-idp list-users` output, one at a time: one page
 * (`{"Users":[…],"PaginationToken":…}`, which is also what the CLI writes when it paginates for
 * you), several pages one after another or as an array of pages, or NDJSON of users (`jq -c
 * '.Users[]'`). AWS has no CSV user export. Users inside an array of pages point at their page's
 * line, with the field naming the entry (`Users[3]`).
 */
export async function* readCognitoUsers(options: CognitoUsersOptions): AsyncGenerator<SourceItem> {
  for await (const item of readUserObjects(options.usersPath, 'Users')) {
    if (item.kind !== 'object') {
      yield item;
      continue;
    }
    const { raw, location } = item;
    if (raw.Username === undefined && raw.Attributes === undefined && 'Users' in raw) {
      // One page of an array of pages.
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
}
