const bcrypt = require("bcrypt");
const security = require("../lib/security");

async function register(req, res) {
  const stored = security.digest(req.body.password); // want: weakness weak-password-hash
  const etag = security.digest(req.body.avatar);
  const strong = await bcrypt.hash(req.body.password, 12);
  res.json({ stored, etag, strong });
}

module.exports = { register };
