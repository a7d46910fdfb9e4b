const { execSync } = require('child_process');

function runCmd(cmd) {
  return execSync(cmd).toString(); // want: command-injection via=query
}

module.exports = { runCmd };
