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
watchBytesRead((file, bytes, size) => post({ kind: 'read', file, bytes, size }));
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
