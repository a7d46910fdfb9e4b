const jwt = require('jsonwebtoken');

// Answers a failure in the body with HTTP 200, and goes on only from
// inside the verify callback once the error branch has returned.
function tokenChecked(req, res, next) {
  const header = req.headers['authorization'];
  const token = header && header.split(' ')[1];
  if (token == null) {
    return res.json({ code: 'NO_TOKEN' });
  }
  jwt.verify(token, process.env.TOKEN_KEY, (err, claims) => {
    if (err) {
      return res.json({ code: 'BAD_TOKEN', detail: { reason: err.message } });
    }
    req.account = claims.sub;
    next();
  });
}

// Lookalike: a bad token only leaves the caller unnamed, then goes on.
function tokenRead(req, res, next) {
  const token = (req.headers['authorization'] || '').split(' ')[1];
  jwt.verify(token, process.env.TOKEN_KEY, (err, claims) => {
    if (err) {
      req.account = null;
    } else {
      req.account = claims.sub;
    }
    next();
  });
}

// Lookalike: the error branch returns, but by going on.
function tokenLogged(req, res, next) {
  const token = (req.headers['authorization'] || '').split(' ')[1];
  jwt.verify(token, process.env.TOKEN_KEY, function (err, claims) {
    if (err) return next();
    req.account = claims.sub;
    next();
  });
}

module.exports = { tokenChecked, tokenRead, tokenLogged };
