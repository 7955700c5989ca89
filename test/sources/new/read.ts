import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  RecordProblem,
  SourceItem,
  UserRecord,
  OrganizationRecord,
  MembershipRecord,
} from '../../../src/model/types.js';
import { tempDirForFile } from '../../support/temp-dir.js';

// Reading a source's items into what the tests look at.

export interface Read {
  users: UserRecord[];
  problems: RecordProblem[];
  organizations: OrganizationRecord[];
  memberships: MembershipRecord[];
  byId: Map<string, UserRecord>;
}

export async function readAll(items: AsyncIterable<SourceItem>): Promise<Read> {
  const all: SourceItem[] = [];
  for await (const item of items) all.push(item);
  const users = all.flatMap((i) => (i.kind === 'user' ? [i.record] : []));
  return {
    users,
    problems: all.flatMap((i) => (i.kind === 'problem' ? [i.problem] : [])),
    organizations: all.flatMap((i) => (i.kind === 'organization' ? [i.record] : [])),
    memberships: all.flatMap((i) => (i.kind === 'membership' ? [i.record] : [])),
    byId: new Map(users.map((u) => [u.sourceId, u])),
  };
}

const dir = tempDirForFile('source-readers-');

export function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** `<line>[:<column>] <field> <code> <severity>` of a problem. */
export const brief = (p: RecordProblem) =>
  `${p.location.line}${p.location.column ? `:${p.location.column}` : ''} ${p.field ?? '-'} ${p.code} ${p.severity}`;
