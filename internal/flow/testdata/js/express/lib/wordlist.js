const fs = require('fs');

// A class given its options when the app starts: options.path is a
// setting, not a request's path.
module.exports = class WordList {
  constructor(options, ready) {
    fs.readFile(options.path, 'utf8', (err, data) => {
      this.words = err ? [] : data.split('\n');
      if (ready) ready();
    });
  }
};
