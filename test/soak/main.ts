import { parseArgs } from 'node:util';
import { runSoak } from './soak.js';

// `npm run soak [-- --trials 100 --users 120 --seed N]`: prints each trial, then the totals;
// exits 1 when any user was duplicated, lost or misrecorded.

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '100' },
    users: { type: 'string', default: '120' },
    seed: { type: 'string' },
  },
});
const result = await runSoak({
  trials: Number(values.trials),
  users: Number(values.users),
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  log: (line) => console.log(line),
});
console.log(JSON.stringify(result, null, 2));
const bad = result.duplicates + result.lost + result.unexpected + result.mismatches + result.unfinished;
console.log(
  `${result.trials} trials, ${result.kills} SIGKILLs, ${result.runs} runs in ${result.seconds} s: ` +
    `${result.duplicates} duplicates, ${result.lost} lost, ${result.unexpected} unexpected, ${result.mismatches} mismatches, ${result.unfinished} unfinished.`,
);
process.exitCode = bad === 0 ? 0 : 1;
