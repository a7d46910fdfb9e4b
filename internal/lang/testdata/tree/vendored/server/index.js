const tokens = require('./libs/tokenlib')
const { slugify } = require('./libs/helpers')
module.exports = { tokens, slugify }
