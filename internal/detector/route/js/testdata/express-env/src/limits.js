const rateLimit = require('express-rate-limit');

module.exports = {
  authLimiter: rateLimit({ windowMs: 15 * 60 * 1000, max: 20 }),
  looseLimiter: rateLimit({ windowMs: 60 * 1000, max: 1000 }),
};
