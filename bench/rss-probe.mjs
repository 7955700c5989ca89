// Loaded with --import into a process the bench measures: on exit, writes its peak RSS (MB) to
// the file named by BENCH_RSS_FILE, so the figure is the measured process's own.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(Math.round(process.resourceUsage().maxRSS / 1024)));
});
