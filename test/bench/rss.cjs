// Preloaded into a measured process: reports its peak resident set size when it exits.
const { writeSync } = require('node:fs');
process.on('exit', () => writeSync(2, `\ntalkdown-bench-maxrss-kb ${process.resourceUsage().maxRSS}\n`));
