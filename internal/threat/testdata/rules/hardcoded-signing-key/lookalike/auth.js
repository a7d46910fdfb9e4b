const jwt = require("jsonwebtoken");

const JWT_SECRET = process.env.JWT_SECRET;
if (!JWT_SECRET) {
  // No fallback: a missing key stops the app instead of signing with a known one.
  throw new Error("JWT_SECRET is not set");
}

function issue(user) {
  return jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: "1h", algorithm: "HS256" });
}

function requireAuth(req, res, next) {
  try {
    req.user = jwt.verify(req.get("Authorization").replace("Bearer ", ""), JWT_SECRET, { algorithms: ["HS256"] });
    next();
  } catch {
    res.sendStatus(401);
  }
}

module.exports = { issue, requireAuth };
