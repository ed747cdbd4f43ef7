// Loaded with `node --require` into a command the tests run: on exit, writes the process's peak
// memory (maxRSS, in kB) to the file named by SAMSPILL_PEAK_MEMORY_FILE.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.SAMSPILL_PEAK_MEMORY_FILE) writeFileSync(process.env.SAMSPILL_PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS));
});
