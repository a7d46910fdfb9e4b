module.exports = { PARTNER_PREFIX: process.env.PARTNER_PREFIX };
