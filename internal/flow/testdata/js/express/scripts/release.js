const { execSync } = require('child_process');

function publish(version) {
  execSync(`npm publish --tag ${version}`); // want: command-injection reach=script
}

publish(process.argv[2]);
