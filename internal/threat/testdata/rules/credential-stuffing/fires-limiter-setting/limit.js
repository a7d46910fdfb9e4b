const { rateLimit } = require('express-rate-limit')
const env = require('./env')

// Off unless the deployment sets RATE_LIMIT_ON: every request passes.
function limiter(opts) {
  if (!env.RATE_LIMIT_ON) {
    return function (req, res, next) {
      return next()
    }
  }
  return rateLimit({ windowMs: opts.window * 1000, limit: opts.max })
}

module.exports = { limiter }
