/** Where a command reads and writes: the process's streams, or a test's. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Where a yes comes from for a production key; only asked when both stdin and stderr are terminals. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}
