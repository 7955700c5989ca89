import { constants } from 'node:os';

/**
 * What the CLI and the action do on SIGINT (Ctrl-C, or the runner cancelling a job) and SIGTERM:
 * stop taking records, let the writes in flight land in the journal, write the reports, and exit
 * with 128 + the signal's number (130 / 143), as shells do.
 */
export interface Interruption {
  /** Aborted on the first signal: the engine stops taking records. */
  readonly signal: AbortSignal;
  /** The first signal received, if any. */
  readonly received: NodeJS.Signals | undefined;
  /** 130 after SIGINT, 143 after SIGTERM, undefined when no signal came. */
  readonly exitCode: number | undefined;
  /** Stops listening; call it when the run is over. */
  dispose(): void;
}

export interface InterruptOptions {
  /**
   * On a second signal, exit at once with its code (the CLI: the user pressed Ctrl-C twice; every
   * confirmed write is already in the journal). The action leaves the rest to the runner and the
   * post step, which saves the checkpoint.
   */
  exitOnSecond?: boolean;
  /** Said once, on the first signal (e.g. "Stopping after the writes in flight…"). */
  onFirst?: (signal: NodeJS.Signals) => void;
}

const HANDLED = ['SIGINT', 'SIGTERM'] as const;

export function exitCodeOfSignal(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

export function onInterrupt(options: InterruptOptions = {}): Interruption {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    if (received === undefined) {
      received = signal;
      options.onFirst?.(signal);
      controller.abort(new Error(`interrupted by ${signal}`));
      return;
    }
    if (options.exitOnSecond) process.exit(exitCodeOfSignal(signal));
  };
  for (const signal of HANDLED) process.on(signal, handler);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    get exitCode() {
      return received === undefined ? undefined : exitCodeOfSignal(received);
    },
    dispose() {
      for (const signal of HANDLED) process.off(signal, handler);
    },
  };
}

/** "Interrupted (SIGINT): 2,130 records pending. Run the same command again to go on from the checkpoint." */
export function describeInterruption(signal: NodeJS.Signals, pending: number, resume: string): string {
  const records = `${pending.toLocaleString('en-US')} record${pending === 1 ? '' : 's'}`;
  return `Interrupted (${signal}): ${records} pending. ${resume}`;
}
