function ensureLoggedIn(req, res, next) {
  if (req.user) return next();
  return res.redirect('/auth/login');
}

function ensureLoggedOut(req, res, next) {
  if (!req.user) return next();
  return res.redirect('/account');
}

function guestOnly(req, res, next) {
  return req.user ? res.redirect('/account') : next();
}

function redirectIfAuthenticated(req, res, next) {
  return req.isAuthenticated() ? res.redirect('/account') : next();
}

function requireToken(req, res, next) {
  if (!req.headers.authorization) return res.status(401).end();
  return next();
}

// A middleware factory, not a router factory.
function requireRole(role) {
  return (req, res, next) => (req.user && req.user.role === role ? next() : res.status(403).end());
}

module.exports = { ensureLoggedIn, ensureLoggedOut, guestOnly, redirectIfAuthenticated, requireToken, requireRole };
