// The C allocator's settings a long run needs, and the one way to give them to this process.
//
// glibc's malloc (every Linux runner) moves its "use mmap" threshold up to the size of the
// largest block freed so far: after the first few-megabyte buffer is let go of, every buffer
// below that size comes from the heap it never shrinks, and the columns that hold a million
// records stay resident beside the freed holes. A 300,000-user import held 360 MB on the
// users' phase with the defaults and 223 MB with a fixed threshold. Threads also get malloc
// arenas of their own (the password file's thread, libuv's pool): 63 MB of them at a million.
// glibc reads these settings once, when the process starts, so the process starts again with
// them: execve, not a child process: the same pid, the same signals, nothing left running when
// it is killed.

/** What the allocator is told (values glibc reads from the environment at start-up). */
export const ALLOCATOR_SETTINGS: Readonly<Record<string, string>> = {
  // Fixed at glibc's own starting value: a freed large block no longer moves it.
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_ARENA_MAX: '2',
};

/**
 * The environment to start again with, or undefined when this process already runs with it
 * (or cannot start again: not Linux, or a Node without process.execve). A setting the user
 * made themselves is kept.
 */
export function allocatorEnvironment(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  canExec: boolean,
): NodeJS.ProcessEnv | undefined {
  if (platform !== 'linux' || !canExec) return undefined;
  const missing = Object.keys(ALLOCATOR_SETTINGS).filter((name) => env[name] === undefined);
  if (missing.length === 0) return undefined;
  const next = { ...env };
  for (const name of missing) next[name] = ALLOCATOR_SETTINGS[name];
  return next;
}

/**
 * Replaces this process with the same command under ALLOCATOR_SETTINGS, when it does not run
 * under them yet; returns (doing nothing) otherwise. Called first by the entry points, before
 * anything is printed or read.
 */
export function restartUnderAllocatorSettings(): void {
  const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;
  const env = allocatorEnvironment(process.env, process.platform, typeof execve === 'function');
  if (env === undefined || execve === undefined) return;
  try {
    execve.call(process, process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], env);
  } catch {
    // Could not start again (a sandbox that forbids exec): the run goes on with the defaults.
  }
}
