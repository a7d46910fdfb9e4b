// signedIn(label) rejects anonymous callers and logs under label; label is
// no role the caller must hold.
function signedIn(label) {
  return (req, res, next) => {
    console.log(label, req.method, req.path);
    if (!req.user) {
      return res.sendStatus(401);
    }
    next();
  };
}

module.exports = { signedIn };
