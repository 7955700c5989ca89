/**
 * Where the engine says what it is doing. The CLI writes to stderr; the action to the runner's
 * log (with folding groups). Messages never hold an email, hash or key: callers mask first.
 */
export interface Logger {
  /** True when progress lines are redrawn in place (a terminal): they may then carry a bar. */
  readonly live?: boolean;
  info(message: string): void;
  warn(message: string): void;
  /** A live status line: redrawn in a terminal, printed now and then in CI. */
  progress(message: string): void;
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
}

export function streamLogger(stream: NodeJS.WriteStream = process.stderr): Logger {
  const live = stream.isTTY === true && !process.env.CI;
  let lineOpen = false;
  const endLine = (): void => {
    if (lineOpen) stream.write('\n');
    lineOpen = false;
  };
  return {
    live,
    info: (m) => {
      endLine();
      stream.write(`${m}\n`);
    },
    warn: (m) => {
      endLine();
      stream.write(`warning: ${m}\n`);
    },
    progress: (m) => {
      if (live) {
        stream.write(`\r\x1b[2K${m}`);
        lineOpen = true;
      } else {
        stream.write(`${m}\n`);
      }
    },
    group: async (title, body) => {
      endLine();
      stream.write(`${title}\n`);
      try {
        return await body();
      } finally {
        endLine();
      }
    },
  };
}

export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  progress: () => {},
  group: (_title, body) => body(),
};
