// A guard: it reads the request's header but reaches no sink.
module.exports = function requireToken(req, res, next) {
  if (!req.headers.authorization) {
    return res.status(401).end();
  }
  next();
};
