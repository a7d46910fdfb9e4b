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
  if (!req.headers.authorization || !isValidToken(req.headers.authorization)) return res.status(401).end();
  return next();
}

// Sends a caller without a session home: the else a failed test takes.
function requireSignedIn(req, res, next) {
  if (req.session.loggedIn === 1) {
    return next();
  } else {
    return res.redirect('/');
  }
}

// The lookalike: an anonymous caller goes on; a signed-in one is sent home.
function homeIfSignedIn(req, res, next) {
  if (!req.session.loggedIn) return next();
  return res.redirect('/');
}

// A middleware factory, not a router factory.
function requireRole(role) {
  return (req, res, next) => (req.user && req.user.role === role ? next() : res.status(403).end());
}

module.exports = { requireSignedIn, homeIfSignedIn, ensureLoggedIn, ensureLoggedOut, guestOnly, redirectIfAuthenticated, requireToken, requireRole };
