import { cleanupInputs, resolveInputLocation, type InputContext } from '../io/input-location.js';
import type { SourceFiles } from '../sources/index.js';
import type { Logger } from '../report/logger.js';

/** Source files as readable paths, and what to call each path in messages (what the user wrote). */
export interface ResolvedSourceFiles {
  files: SourceFiles;
  labels: Map<string, string>;
  cleanup(): Promise<void>;
}

/**
 * Turns what the user named (a path, an encrypted file, `env:NAME`, `artifact:NAME`) into files
 * the readers can open. Decrypted content stays in a private directory until cleanup().
 */
export async function resolveSourceFiles(
  named: SourceFiles,
  ctx: InputContext,
  log?: Logger,
): Promise<ResolvedSourceFiles> {
  const labels = new Map<string, string>();
  const resolve = async (spec: string | undefined): Promise<string | undefined> => {
    if (spec === undefined || spec === '') return undefined;
    const resolved = await resolveInputLocation(spec, ctx);
    labels.set(resolved.path, resolved.label);
    if (resolved.from) log?.info(`${resolved.label}: read from ${resolved.from}.`);
    return resolved.path;
  };
  try {
    const files: SourceFiles = {
      // Empty for rollback, which reads no export.
      users: (await resolve(named.users)) ?? '',
      passwords: await resolve(named.passwords),
      organizations: await resolve(named.organizations),
      hashConfig: await resolve(named.hashConfig),
      mfa: await resolve(named.mfa),
    };
    return { files, labels, cleanup: () => cleanupInputs(ctx) };
  } catch (error) {
    await cleanupInputs(ctx);
    throw error;
  }
}
