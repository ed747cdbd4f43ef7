// Loaded with `node --require` into a command the tests run: on exit, writes the process's peak
// memory in kB to the file named by SAMSPILL_PEAK_MEMORY_FILE. Linux's VmHWM is the peak of this
// program alone; maxRSS (the fallback elsewhere) also counts what the spawning process held when
// it forked, since Linux carries that high-water mark across exec.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');

function peakKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  if (process.env.SAMSPILL_PEAK_MEMORY_FILE) writeFileSync(process.env.SAMSPILL_PEAK_MEMORY_FILE, String(peakKb()));
});
