import { runCutoverMode } from './cutover.js';
import { runImport } from './import.js';
import type { MigrationOptions, MigrationResult } from './pipeline.js';
import { runPlan } from './plan.js';
import { runRollback } from './rollback.js';
import { runVerify } from './verify.js';

export { DEFAULTS, type MigrationOptions, type MigrationResult } from './pipeline.js';

/** One run of a mode: each is its own function over the shared pipeline (modes/pipeline.ts). */
export function runMigration(options: MigrationOptions): Promise<MigrationResult> {
  switch (options.mode) {
    case 'plan':
      return runPlan(options);
    case 'import':
      return runImport(options);
    case 'verify':
      return runVerify(options);
    case 'rollback':
      return runRollback(options);
    case 'cutover':
      return runCutoverMode(options);
  }
}
