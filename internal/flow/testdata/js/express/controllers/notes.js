const { exec } = require('child_process');
const fs = require('fs');

module.exports = {
  show: (req, res) => {
    res.send('<h2>Note ' + req.params.id + '</h2>'); // want: xss via=param
  },
  remove: (req, res) => {
    exec('rm /srv/notes/' + req.params.id, () => res.end()); // want: command-injection via=param
  },
  // Lookalike: the export's name is the note's number, not its text.
  exportNote: (req, res) => {
    fs.writeFile('/srv/exports/' + Number(req.params.id) + '.txt', 'note', () => res.end());
  },
};
