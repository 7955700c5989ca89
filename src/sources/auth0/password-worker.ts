// The Auth0 password file, read on a worker thread (its own bundle, dist/password-worker/): a
// million rows take seconds to parse and check, and the user export is read meanwhile on the
// main thread. The index it builds is made of typed arrays and is handed over whole.
import { parentPort, workerData } from 'node:worker_threads';
import { buffersOf } from '../../compact/columns.js';
import { watchBytesRead } from '../../io/byte-stream.js';
import { setInputLimits } from '../../io/limits.js';
import { UsageError } from '../../model/types.js';
import { loadAuth0Passwords, type PasswordWorkerInput, type PasswordWorkerMessage } from './passwords.js';

const input = workerData as PasswordWorkerInput;
const post = (message: PasswordWorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);

setInputLimits(input.limits);
// Progress in sums, at most every 200 ms and at the end: a message a chunk would wake the main
// thread thousands of times.
let unreported = 0;
let read = 0;
let reportedAt = 0;
watchBytesRead((file, bytes, size) => {
  unreported += bytes;
  read += bytes;
  const now = Date.now();
  if (now - reportedAt < 200 && read < size) return;
  post({ kind: 'read', file, bytes: unreported, size });
  unreported = 0;
  reportedAt = now;
});
try {
  const { index, problems } = await loadAuth0Passwords(input.path);
  const parts = index.toParts();
  post({ kind: 'done', parts, problems }, buffersOf(parts));
} catch (error) {
  post({
    kind: 'failed',
    usage: error instanceof UsageError,
    message: error instanceof Error ? error.message : String(error),
  });
}
