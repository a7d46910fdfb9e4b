const crypto = require('crypto');

// The session token is readable by any script on the page.
function signIn(req, res) {
  const token = crypto.randomBytes(32).toString('hex');
  res.cookie('session', token, { httpOnly: false, secure: true, sameSite: 'lax' });
  res.json({ ok: true });
}

module.exports = { signIn };
