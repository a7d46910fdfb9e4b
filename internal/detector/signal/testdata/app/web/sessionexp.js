const jwt = require("jsonwebtoken");

// The payload carries its own exp, set a few lines before the call.
function issue(account, key) {
  const claims = { sub: account.id };
  claims.exp = Math.floor(Date.now() / 1000) + 900;
  return jwt.sign(claims, key);
}

function issueFor(account, key) {
  return jwt.sign({ sub: account.id }, key, { expiresIn: "15m" });
}

module.exports = { issue, issueFor };
