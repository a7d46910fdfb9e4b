const sessions = new Map();

function requireAuth(req, res, next) {
  const user = sessions.get(req.get("Authorization"));
  if (!user) return res.sendStatus(401);
  req.user = user;
  next();
}

module.exports = { requireAuth };
