class Auth {
  // Hands each request to the middleware it was given, except for the
  // first-run setup call.
  whenNeeded(middleware) {
    return (req, res, next) => {
      if (req.path === '/setup') {
        return next()
      }
      middleware(req, res, next)
    }
  }

  // Lookalike: only records that a middleware was configured and lets the
  // request through; it never calls it.
  noted(middleware) {
    return (req, res, next) => {
      console.log('configured', middleware.name)
      next()
    }
  }

  isSignedIn(req, res, next) {
    if (!req.user) {
      return res.status(401).send('sign in')
    }
    next()
  }
}
module.exports = Auth
