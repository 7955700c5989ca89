import type { User } from '@workos-inc/node';
import { journalSourceId } from '../model/source-id.js';
import { LAZY_METADATA_KEY, lazyMarkOf } from '../lazy/marks.js';
import type { Outcome } from '../model/outcome.js';
import { csvRow } from '../report/escape.js';
import { allPages } from '../workos/pages.js';
import {
  finishRun,
  prepareRun,
  requireWorkOS,
  whenUnreachable,
  exportRunOptions,
  type ExportRunOptions,
  type MigrationSettings,
  type ResolvedRun,
  type MigrationResult,
} from './pipeline.js';

// `import --lazy-finish`, for the day the old provider is switched off: every user still marked
// pending (their password never moved) loses the mark and is listed in password-reset.csv for a
// reset or Magic Auth; users who moved keep `moved`. Nothing else is written.

export interface LazyFinishOptions extends ExportRunOptions {
  /** Writes per second for the whole process. */
  rateLimit?: number;
}

/** `import --lazy-finish`'s options, from the settings the CLI parsed. */
export function lazyFinishOptions(settings: MigrationSettings, resolved: ResolvedRun): LazyFinishOptions {
  return { ...exportRunOptions(settings, resolved), rateLimit: settings.rateLimit };
}

export async function runLazyFinish(options: LazyFinishOptions): Promise<MigrationResult> {
  const run = await prepareRun('import', options);
  const workos = requireWorkOS(run);
  const includePii = options.includePii ?? false;
  try {
    const pending: User[] = [];
    let moved = 0;
    await run.log.group('Reading WorkOS users marked for a lazy migration', async () => {
      for await (const user of allPages(
        (fn) => run.caller.read(fn),
        (after) => workos.userManagement.listUsers({ limit: 100, after, order: 'asc' }),
      )) {
        const mark = lazyMarkOf(user.metadata);
        if (mark === 'pending') pending.push(user);
        else if (mark === 'moved') moved++;
      }
      run.log.info(`${pending.length} user(s) still pending, ${moved} moved.`);
    });
    const outcomes: Outcome[] = [];
    const rows = [csvRow(includePii ? ['reason', 'source_id', 'email'] : ['reason', 'source_id'])];
    for (const user of pending) {
      const sourceId = user.externalId ?? user.email.toLowerCase();
      const location = { file: 'WorkOS', line: 0 };
      const { [LAZY_METADATA_KEY]: _mark, ...metadata } = user.metadata ?? {};
      try {
        // Metadata is sent whole (the user's other keys as WorkOS holds them).
        await run.caller.idempotentWrite(() => workos.userManagement.updateUser({ userId: user.id, metadata }));
        outcomes.push({ entity: 'user', sourceId, status: 'updated', workosId: user.id, location });
        rows.push(
          csvRow(
            includePii ? ['lazy_not_moved', sourceId, user.email] : ['lazy_not_moved', journalSourceId(sourceId)],
            { keepEmails: includePii },
          ),
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outcomes.push({
          entity: 'user',
          sourceId,
          status: 'failed',
          workosId: user.id,
          location,
          failure: { code: 'lazy_finish_failed', message: `The lazy mark could not be cleared: ${message} Run again.` },
        });
      }
    }
    const cleared = outcomes.filter((o) => o.status === 'updated').length;
    return await finishRun(run, {
      outcomes,
      problems: [],
      lazy: { pending: pending.length - cleared, moved },
      // In place of the plan's list: the users still pending are the ones to reach now.
      extraFiles: { 'password-reset.csv': rows.join('') },
    });
  } catch (error) {
    return whenUnreachable(run)(error);
  }
}
