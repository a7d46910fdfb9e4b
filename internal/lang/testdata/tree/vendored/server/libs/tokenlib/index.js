//
// trimmed for use in this app
// Source: https://github.com/token-makers/tokenlib
//

module.exports = { verify: require('./verify') }
