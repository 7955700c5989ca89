// The baseline `plan` is measured against: a bare readline + JSON.parse of the same files, no
// validation, no mapping, nothing kept.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

let records = 0;
for (const file of process.argv.slice(2)) {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.length === 0) continue;
    JSON.parse(line);
    records++;
  }
}
console.log(records);
