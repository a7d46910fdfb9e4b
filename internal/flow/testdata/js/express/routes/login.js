const db = require('../lib/db-raw');

module.exports = function login() {
  return async (req, res) => {
    const { email } = req.body;
    const user = await db.one(`SELECT * FROM users WHERE email = '${email}'`); // want: sql-injection via=body
    res.json({ ok: !!user });
  };
};
