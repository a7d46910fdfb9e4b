const crypto = require("crypto");

// A digest for cache keys and, by mistake, for passwords.
const digest = (data) => crypto.createHash("md5").update(data).digest("hex");

function requireAdmin(req, res, next) { // want: control admin-guard
  if (req.user && req.user.role === "admin") {
    return next();
  }
  return res.status(403).end();
}

function showReport(req, res, next) {
  res.render("report", { isAdmin: req.user.isAdmin });
  next();
}

module.exports = { digest, requireAdmin, showReport };
