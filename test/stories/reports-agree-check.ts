import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Emulator } from '../../src/emulator/server.js';
import type { Summary } from '../../src/report/summary.js';
import { expectCountsAddUp, splitCsvLine } from './story-support.js';

// The cross-check of every report file of one run: with each other, and with what the stand-in
// holds after the run. The story tests call it after each run; a failure names the file and rule.

type Mode = Summary['mode'];
export type StateOfWorkOS = ReturnType<Emulator['snapshot']>;

export function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n').map(splitCsvLine);
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const ENTITIES = [
  ['user', 'users', 'Users'],
  ['organization', 'organizations', 'Organizations'],
  ['membership', 'memberships', 'Memberships'],
] as const;

export interface AgreeContext {
  /** External ids of the export's users now (the source ids of this migration's users). */
  exportUserIds: ReadonlySet<string>;
  /** The export's users' emails by source id (lower-cased). */
  exportEmails: ReadonlyMap<string, string>;
  /** External ids of every user this migration ever imported (for removals and rollback). */
  migrationUserIds: ReadonlySet<string>;
}

/**
 * Every report file of the run in `out` agrees with the others and with `state`, what WorkOS
 * holds after the run: the counts add up, summary.md says summary.json's numbers, each id-map
 * row names a record WorkOS holds, errors.jsonl has a line per record not brought over, the
 * people lists have summary's counts, removals are the records WorkOS holds that the export lost.
 */
export function expectReportsAgree(
  out: string,
  state: StateOfWorkOS,
  mode: Mode,
  ctx: AgreeContext,
  /** What the run printed (stdout and stderr), whose counts must be summary.json's too. */
  printed?: string,
): Summary {
  const file = (name: string) => join(out, name);
  const summary = JSON.parse(readFileSync(file('summary.json'), 'utf8')) as Summary;
  const where = (what: string) => `${mode} (${out}): ${what}`;
  expect(summary.mode, where('mode')).toBe(mode);

  // 1. summary.json adds up, entity by entity.
  expectCountsAddUp(summary);

  // 2. summary.md says summary.json's numbers.
  const md = readFileSync(file('summary.md'), 'utf8');
  if (mode === 'rollback') {
    const planned = summary.removals ?? { users: 0, organizations: 0, memberships: 0 };
    for (const [, key, label] of ENTITIES)
      expect(md, where(`rollback table ${key}`)).toContain(
        `| ${label} | ${planned[key]} | ${summary.deleted ? summary.deleted[key] : 0} |`,
      );
  } else {
    for (const [, key, label] of ENTITIES) {
      const c = summary[key];
      const line = `| ${label} | ${c.total} | ${c.created} | ${c.updated} | ${c.unchanged} | ${c.skipped} | ${c.invalid} | ${c.failed} | ${c.pending} |`;
      if (key === 'users' || c.total > 0) expect(md, where(`table ${key}`)).toContain(line);
      else expect(md, where(`table ${key}`)).not.toContain(`| ${label} |`);
    }
    const pw = summary.passwords;
    if (pw.notChecked) expect(md).toMatch(/Passwords: not checked/);
    else expect(md, where('password line')).toContain(`Passwords: ${pw.withHash} with a hash`);
  }
  if (summary.changes) {
    for (const [, key, label] of ENTITIES) {
      const c = summary.changes[key];
      const shown = key === 'users' || summary[key].total > 0 || c.remove > 0;
      if (shown)
        expect(md, where(`changes ${key}`)).toContain(
          `| ${label} | ${c.create} | ${c.update} | ${c.unchanged} | ${c.remove} | ${c.conflict} |`,
        );
    }
  }
  const headlineText = md.split('\n')[2] ?? '';
  const pending = ENTITIES.reduce((n, [, key]) => n + summary[key].pending, 0);
  const failed = ENTITIES.reduce((n, [, key]) => n + summary[key].failed, 0);
  const invalid = ENTITIES.reduce((n, [, key]) => n + summary[key].invalid, 0);
  const skipped = ENTITIES.reduce((n, [, key]) => n + summary[key].skipped, 0);
  if (mode === 'import' && !summary.complete) {
    if (pending > 0) expect(headlineText, where('headline pending')).toContain(`**${pending} record(s) pending**`);
    if (failed > 0) expect(headlineText, where('headline failed')).toContain(`**${failed} record(s) failed**`);
    // The read-back finds the failed records missing or different: that is no change made during the run.
    const w = summary.workos;
    const drift = w ? w.users.missing + w.organizations.missing + w.memberships.missing : 0;
    const differ = w ? w.users.mismatched + w.organizations.mismatched + w.memberships.mismatched : 0;
    if (failed > 0 && drift + differ <= failed)
      expect(headlineText, where('failures read back as changes')).not.toMatch(/changed during the run/);
  }
  if (mode === 'import' || mode === 'verify') {
    if (summary.complete) expect(headlineText, where('headline')).toMatch(/^\*\*(Complete|In step)\.\*\*/);
    else expect(headlineText, where('headline')).not.toMatch(/Complete\.|In step\./);
  }
  const notImported = /(\d+) invalid and (\d+) skipped record\(s\) are not brought over/.exec(headlineText);
  if (notImported) expect(notImported.slice(1).map(Number), where('headline not imported')).toEqual([invalid, skipped]);
  else if (mode === 'plan' || mode === 'import')
    expect(invalid + skipped, where('headline says nothing of the records not brought over')).toBe(0);
  if (summary.workos && mode === 'verify' && !summary.complete) {
    const w = summary.workos;
    const missing = w.users.missing + w.organizations.missing + w.memberships.missing;
    const mismatched = w.users.mismatched + w.organizations.mismatched + w.memberships.mismatched;
    if (missing + mismatched > 0)
      expect(headlineText, where('verify headline')).toContain(`WorkOS lacks ${missing} planned record`);
  }

  // The plan's description on stderr counts organizations' and memberships' problems as summary.json does.
  const described = printed ? /memberships: \d+; (\d+) invalid(?:, (\d+) skipped)?\./.exec(printed) : null;
  if (described)
    expect([Number(described[1]), Number(described[2] ?? 0)], where('printed invalid and skipped')).toEqual([
      summary.organizations.invalid + summary.memberships.invalid,
      summary.organizations.skipped + summary.memberships.skipped,
    ]);

  // The table the CLI prints is summary.json's.
  for (const [, key] of ENTITIES) {
    const printedRow = printed ? new RegExp(`^${key}((?:\\s+\\d+){8})\\s*$`, 'm').exec(printed) : null;
    if (printed && key === 'users' && (mode === 'import' || mode === 'verify'))
      expect(printedRow, where('the printed table')).not.toBeNull();
    if (!printedRow) continue;
    const c = summary[key];
    expect(printedRow[1]!.trim().split(/\s+/).map(Number), where(`printed ${key} row`)).toEqual([
      c.total,
      c.created,
      c.updated,
      c.unchanged,
      c.skipped,
      c.invalid,
      c.failed,
      c.pending,
    ]);
  }

  // 3. errors.jsonl: one line per record not brought over (invalid, skipped, failed), per entity.
  const errors = readJsonl(file('errors.jsonl'));
  for (const [entity, key] of ENTITIES) {
    const c = summary[key];
    const notBroughtOver = errors.filter(
      (e) => e.entity === entity && (e.severity === 'error' || e.severity === 'skip') && e.code !== 'login_failed',
    );
    expect(notBroughtOver.length, where(`errors.jsonl ${entity} lines vs invalid+skipped+failed`)).toBe(
      c.invalid + c.skipped + c.failed,
    );
    expect(notBroughtOver.filter((e) => e.severity === 'skip').length, where(`errors.jsonl ${entity} skips`)).toBe(
      c.skipped,
    );
  }

  // 4. id-map.csv: every row is a record WorkOS holds, under that external id.
  const usersById = new Map(state.users.map((u) => [u.id, u]));
  const orgsById = new Map(state.organizations.map((o) => [o.id, o]));
  const membershipIds = new Set(state.memberships.map((m) => m.id));
  const idMap = existsSync(file('id-map.csv')) ? readCsv(file('id-map.csv')) : [];
  for (const row of idMap) {
    const what = where(`id-map row ${JSON.stringify(row)}`);
    if (row.entity === 'user') {
      const user = usersById.get(row.workos_id!);
      expect(user, what).toBeDefined();
      // A user in WorkOS before the migration is matched by email; a dry run leaves its external id unset.
      if (row.status !== 'pending' || user!.external_id !== null) expect(user!.external_id, what).toBe(row.source_id);
    } else if (row.entity === 'organization') {
      expect(orgsById.get(row.workos_id!)?.external_id, what).toBe(row.source_id);
    } else {
      expect(membershipIds.has(row.workos_id!), what).toBe(true);
    }
  }
  // An import that brought everything over maps every user of the export that WorkOS holds.
  if (mode === 'import' && pending === 0) {
    const mapped = new Set(idMap.filter((r) => r.entity === 'user').map((r) => r.source_id));
    const held = state.users.map((u) => u.external_id).filter((id): id is string => !!id && ctx.exportUserIds.has(id));
    expect(
      held.filter((id) => !mapped.has(id)),
      where('users of the export WorkOS holds, not in id-map.csv'),
    ).toEqual([]);
    expect(mapped.size, where('id-map users vs created+updated+unchanged')).toBe(
      summary.users.created + summary.users.updated + summary.users.unchanged,
    );
  }

  // 5. The live check counts what the stand-in holds.
  if (summary.workos && mode !== 'rollback') {
    const heldExternal = new Set(state.users.map((u) => u.external_id).filter(Boolean));
    const heldEmails = new Set(state.users.map((u) => u.email.toLowerCase()));
    // Found by external id, or (a user in WorkOS before the migration, not claimed yet) by email.
    const inExportHeld = [...ctx.exportUserIds].filter(
      (id) => heldExternal.has(id) || heldEmails.has(ctx.exportEmails.get(id) ?? ''),
    ).length;
    expect(summary.workos.users.found, where('workos.users.found vs the stand-in')).toBe(inExportHeld);
    const gone = [...ctx.migrationUserIds].filter((id) => !ctx.exportUserIds.has(id) && heldExternal.has(id));
    expect(summary.workos.users.unexpected, where('workos.users.unexpected vs the stand-in')).toBe(gone.length);
  }

  // 6. removals.csv: exactly this migration's users that WorkOS holds and the export lost.
  if (existsSync(file('removals.csv')) && mode !== 'rollback') {
    const rows = readCsv(file('removals.csv')).filter((r) => r.entity === 'user');
    const heldExternal = new Set(state.users.map((u) => u.external_id).filter(Boolean));
    const gone = [...ctx.migrationUserIds].filter((id) => !ctx.exportUserIds.has(id) && heldExternal.has(id));
    expect(rows.length, where('removals.csv users vs the stand-in')).toBe(
      summary.deleted ? summary.deleted.users + (summary.removalsKept?.users ?? 0) : gone.length,
    );
    expect(summary.removals?.users ?? 0, where('summary.removals.users vs removals.csv')).toBe(rows.length);
  }

  // 7. The people lists have summary.json's counts.
  if (summary.passwords.notChecked) expect(existsSync(file('password-reset.csv')), where('no reset list')).toBe(false);
  else if (mode !== 'rollback')
    expect(readCsv(file('password-reset.csv')).length, where('password-reset.csv rows')).toBe(summary.passwords.reset);
  if (existsSync(file('reenroll.csv'))) {
    const mfa = Object.values(summary.mfa).reduce((n: number, k) => n + (k ?? 0), 0);
    expect(readCsv(file('reenroll.csv')).length, where('reenroll.csv rows')).toBe(mfa);
  }

  // 8. cutover.json's checks are summary.json's verdict.
  if (mode === 'cutover') {
    const cutover = JSON.parse(readFileSync(file('cutover.json'), 'utf8')) as {
      go: boolean;
      checks: { name: string; ok: boolean }[];
    };
    expect(cutover.go, where('cutover.json go')).toBe(summary.cutover?.go);
    expect(
      cutover.checks.filter((c) => !c.ok).map((c) => c.name),
      where('cutover.json failing checks'),
    ).toEqual(summary.cutover?.failing);
    expect(cutover.go, where('go with failing checks')).toBe(cutover.checks.every((c) => c.ok));
  }

  // 9. rollback.csv lists what rollback deletes (or deleted), and the stand-in agrees.
  if (mode === 'rollback') {
    const rows = readCsv(file('rollback.csv'));
    const held = new Set([...usersById.keys(), ...orgsById.keys(), ...membershipIds]);
    const deletes = rows.filter((r) => r.action === 'delete');
    const counted = summary.deleted ?? summary.removals;
    for (const [entity, key] of ENTITIES)
      expect(deletes.filter((r) => r.entity === entity).length, where(`rollback.csv deletes of ${key}`)).toBe(
        counted?.[key] ?? 0,
      );
    // A preview names records WorkOS holds; a confirmed rollback leaves none of them, and keeps the rest.
    for (const row of deletes)
      expect(held.has(row.workos_id!), where(`rollback.csv ${JSON.stringify(row)}`)).toBe(!summary.deleted);
    // What it keeps stays, but a membership goes with its organization when that is deleted.
    const deletedOrganizations = new Set(deletes.filter((r) => r.entity === 'organization').map((r) => r.source_id));
    for (const row of rows.filter((r) => r.action !== 'delete' && r.action !== 'already_deleted')) {
      const withItsOrganization =
        summary.deleted && row.entity === 'membership' && deletedOrganizations.has(row.source_id!.split(':')[0]!);
      if (!withItsOrganization)
        expect(held.has(row.workos_id!), where(`rollback.csv kept ${JSON.stringify(row)}`)).toBe(true);
    }
    if (summary.deleted) expect(summary.complete, where('a rollback that deleted all it listed')).toBe(true);
  }
  return summary;
}
