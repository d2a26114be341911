// Preloaded into a server under test: records every file-system read it makes, so that a
// test can tell whether a keystroke touched the disk. The log goes to TALKDOWN_FS_LOG.
'use strict';
const fs = require('node:fs');
const log = process.env.TALKDOWN_FS_LOG;
if (log) {
  const append = fs.appendFileSync.bind(fs);
  const record = (method, path) => {
    const name = typeof path === 'string' ? path : path instanceof URL ? path.pathname : Buffer.isBuffer(path) ? path.toString() : String(path);
    if (name !== log) append(log, `${method}\t${name}\n`);
  };
  const wrap = (target, method, label) => {
    const original = target[method];
    if (typeof original !== 'function') return;
    target[method] = function (path, ...rest) {
      record(label, path);
      return original.call(this, path, ...rest);
    };
  };
  for (const method of ['existsSync', 'readFileSync', 'readdirSync', 'statSync', 'lstatSync', 'realpathSync', 'accessSync', 'openSync', 'opendirSync', 'readFile', 'readdir', 'stat', 'lstat', 'realpath', 'access', 'open', 'opendir']) {
    wrap(fs, method, method);
  }
  for (const method of ['readFile', 'readdir', 'stat', 'lstat', 'realpath', 'access', 'open', 'opendir']) wrap(fs.promises, method, `promises.${method}`);
}
