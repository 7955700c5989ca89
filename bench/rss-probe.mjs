// Loaded with --import into a process the bench measures: on exit, writes its peak RSS (MB) to
// the file named by BENCH_RSS_FILE and, when BENCH_CPU_FILE is set, its CPU seconds (user +
// system) there, so the figures are the measured process's own.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const file = process.env.BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(Math.round(usage.maxRSS / 1024)));
  const cpuFile = process.env.BENCH_CPU_FILE;
  if (cpuFile) writeFileSync(cpuFile, String((usage.userCPUTime + usage.systemCPUTime) / 1e6));
});
