import { scrubText } from '../model/mask.js';

/**
 * Where the engine says what it is doing. The CLI writes to stderr; the action to the runner's
 * log (with folding groups). Every implementation passes messages through the scrubber
 * (model/mask.ts): no secret, email or hash, no control character from an export.
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
      stream.write(`${scrubText(m)}\n`);
    },
    warn: (m) => {
      endLine();
      stream.write(`warning: ${scrubText(m)}\n`);
    },
    progress: (m) => {
      if (live) {
        // The only control sequence written: ours, after the message was scrubbed of any.
        stream.write(`\r\x1b[2K${scrubText(m).replace(/\n/g, ' ')}`);
        lineOpen = true;
      } else {
        stream.write(`${scrubText(m)}\n`);
      }
    },
    group: async (title, body) => {
      endLine();
      stream.write(`${scrubText(title)}\n`);
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
