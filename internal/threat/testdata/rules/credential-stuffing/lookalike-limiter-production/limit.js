const { rateLimit } = require('express-rate-limit')
const env = require('./env')

// Skipped only outside production: the deployment always limits.
function limiter(opts) {
  if (!env.isProduction) {
    return (req, res, next) => next()
  }
  return rateLimit({ windowMs: opts.window * 1000, limit: opts.max })
}

module.exports = { limiter }
