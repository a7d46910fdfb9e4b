const decode = require('./lib/decode')
module.exports = function verify(token, key, options) {
  const parts = decode(token)
  if (options && options.skip) return parts.payload
  return parts.payload
}
