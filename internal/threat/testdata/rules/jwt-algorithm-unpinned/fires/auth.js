const fs = require("fs");
const jwt = require("jsonwebtoken");

const publicKey = fs.readFileSync(process.env.JWT_PUBLIC_KEY_FILE);

// Tokens are issued by the identity service with RS256.
function requireUser(req, res, next) {
  const token = (req.headers.authorization || "").replace("Bearer ", "");
  try {
    req.user = jwt.verify(token, publicKey);
    next();
  } catch (err) {
    res.status(401).end();
  }
}

module.exports = { requireUser };
