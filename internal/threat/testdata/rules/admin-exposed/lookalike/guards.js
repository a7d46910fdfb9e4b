const OFFICE_IPS = (process.env.ADMIN_ALLOWED_IPS || "").split(",");

function ipAllowlist(req, res, next) {
  if (!OFFICE_IPS.includes(req.ip)) return res.sendStatus(404);
  next();
}

function requireSession(req, res, next) {
  if (!req.session || !req.session.user) return res.sendStatus(401);
  next();
}

function requireAdmin(req, res, next) {
  if (req.session.user.role !== "admin") return res.sendStatus(404);
  next();
}

function requireMfa(req, res, next) {
  if (!req.session.mfaVerifiedAt) return res.status(401).json({ error: "MFA required" });
  next();
}

module.exports = { ipAllowlist, requireAdmin, requireMfa, requireSession };
