const jwt = require('jsonwebtoken');

// Rejects a request without a valid bearer token.
function requireAuth(req, res, next) {
  const header = req.headers.authorization || '';
  const token = header.replace('Bearer ', '');
  if (!token) {
    return res.status(401).json({ error: 'sign in first' });
  }
  req.user = jwt.verify(token, process.env.JWT_SECRET);
  next();
}

// Sets req.user when a token is present; never turns anyone away.
function optionalAuth(req, res, next) {
  const header = req.headers.authorization;
  if (header) {
    try {
      req.user = jwt.verify(header.slice(7), process.env.JWT_SECRET);
    } catch (e) {
      req.user = null;
    }
  }
  next();
}

// Only for visitors who are not signed in: sends members home.
function guestOnly(req, res, next) {
  if (req.session && req.session.userId) {
    return res.redirect('/dashboard');
  }
  next();
}

// A name full of auth words that only counts requests.
function authSessionMetrics(req, res, next) {
  req.app.locals.hits = (req.app.locals.hits || 0) + 1;
  next();
}

// Calls requireAuth, then checks the role.
function requireRole(role) {
  return (req, res, next) => requireAuth(req, res, () => {
    if (req.user.role !== role) {
      return res.sendStatus(403);
    }
    next();
  });
}

function requireAdmin(req, res, next) {
  if (!req.user || req.user.role !== 'admin') {
    return res.status(403).send('admins only');
  }
  next();
}

// Hides the staff pages: a caller who is not staff gets the 404 a
// missing page gets.
function hideFromNonStaff(req, res, next) {
  const { user } = req;
  if (!user || !user.isStaff) {
    return res.sendStatus(404);
  }
  next();
}

// Lookalike: a note that is not there is a 404 too, for anyone.
async function loadNote(req, res, next) {
  const note = await Note.findById(req.params.id);
  if (!note) {
    return res.status(404).json({ error: 'no such note' });
  }
  req.note = note;
  next();
}

module.exports = { requireAuth, optionalAuth, guestOnly, authSessionMetrics, requireRole, requireAdmin, hideFromNonStaff, loadNote };
