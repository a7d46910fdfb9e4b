const jwt = require("jsonwebtoken");

// A token with no lifetime works until the key changes.
function issue(account, key) {
  return jwt.sign({ sub: account.id, role: account.role }, key); // want: weakness jwt-no-expiry
}

module.exports = { issue };
