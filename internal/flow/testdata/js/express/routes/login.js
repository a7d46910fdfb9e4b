const db = require('../lib/db-raw');

module.exports = function login() {
  return async (req, res) => {
    const { email } = req.body;
    const user = await db.one(`SELECT * FROM users WHERE email = '${email}'`); // want: sql-injection via=body
    res.json({ ok: !!user });
  };
};

// After signing in, back to where the form said: a default for a missing
// value is no check of what it holds.
module.exports.signedIn = (req, res) => {
  let back = req.body.back;
  return db.one('SELECT 1').then(() => {
    if (back == undefined || back == '') {
      back = '/';
    }
    res.redirect(back); // want: open-redirect via=body
  });
};

// Lookalike: the value is compared with the one place it may go.
module.exports.signedInHome = (req, res) => {
  const back = req.body.back;
  if (back === '/home') {
    res.redirect(back);
  }
};
