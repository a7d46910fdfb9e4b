// A constructor whose methods are the guards, as some apps write them.
function SessionHandler(db) {
  this.requireLogin = function (req, res, next) {
    if (!req.session.userId) {
      return res.redirect('/login');
    }
    next();
  };
}

module.exports = SessionHandler;
