#!/usr/bin/env node
"use strict";
// The optex command line. `npm ci` compiles src/ into lib/ (the package's prepare script).
const path = require("path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "lib", "cli", "optex.js"));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("optex: lib/ is missing: run `npm ci` (or `npm run prepare`) in the project first\n");
    process.exit(1);
  }
  throw error;
}
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0); // `optex value ... | head`
  throw error;
});
cli.main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`optex: ${error && error.stack ? error.stack : error}\n`); process.exitCode = 1; },
);
