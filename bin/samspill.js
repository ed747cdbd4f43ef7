#!/usr/bin/env node
// Runs the compiled command line (npm run build:cli compiles src/ to dist/).
let cli;
try {
  cli = require('../dist/src/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    console.error('Samspill er ikke bygget ennå: kjør «npm run build:cli». / Samspill is not built yet: run "npm run build:cli".');
    process.exit(2);
  }
  throw error;
}
require('../dist/src/cli/youngGeneration.js').keepYoungGenerationSmall();
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
