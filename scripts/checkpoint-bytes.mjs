// What a checkpoint save uploads at 1 M journal entries (the README's figures): the whole journal
// once per run, then segments of the lines appended since the last save. Journal lines are
// shaped like real ones (Auth0 ids, WorkOS ids, 20-hex digests); @actions/artifact zips at level 6.
// Usage: node scripts/checkpoint-bytes.mjs [entries]
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';

const entries = Number(process.argv[2] ?? 1_000_000);
const SAVE_EVERY_S = 300;
const WRITES_PER_S = 45;
const JOB_HOURS = 5.5;
const SEGMENTS_PER_BASE = 24;

const ulid = () =>
  randomBytes(20)
    .toString('base64')
    .replace(/[^A-Z0-9]/gi, '')
    .toUpperCase()
    .slice(0, 26);
const line = () =>
  `${JSON.stringify({
    entity: 'user',
    source_id: `auth0|${randomBytes(12).toString('hex')}`,
    workos_id: `user_${ulid()}`,
    status: 'created',
    input_digest: randomBytes(10).toString('hex'),
  })}\n`;
const header = `${JSON.stringify({ journal: 1, source: 'auth0', fingerprint: randomBytes(32).toString('hex') })}\n`;
const lines = [header];
for (let i = 0; i < entries; i++) lines.push(line());
const journal = Buffer.from(lines.join(''));
const segment = Buffer.from(lines.slice(1, 1 + WRITES_PER_S * SAVE_EVERY_S).join(''));
const zipped = (buffer) => deflateRawSync(buffer, { level: 6 }).length;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

const saves = Math.round((JOB_HOURS * 3600) / SAVE_EVERY_S);
const bases = Math.ceil(saves / (SEGMENTS_PER_BASE + 1));
console.log(
  `journal of ${entries.toLocaleString('en-US')} entries: ${mb(journal.length)}, ${mb(zipped(journal))} compressed`,
);
console.log(`a segment (${SAVE_EVERY_S} s at ${WRITES_PER_S} writes/s): ${mb(zipped(segment))} compressed`);
console.log(
  `whole journal every save: ${mb(zipped(journal))} per save, ${mb(zipped(journal) * saves)} per ${JOB_HOURS} h job`,
);
console.log(
  `segments: ${mb(zipped(journal))} for the first save, ${mb(zipped(segment))} per later save, ` +
    `${mb(zipped(journal) * bases + zipped(segment) * (saves - bases))} per ${JOB_HOURS} h job`,
);
