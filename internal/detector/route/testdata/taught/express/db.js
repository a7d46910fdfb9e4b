module.exports = require('@acme/db');
