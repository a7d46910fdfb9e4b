module.exports = { port: 0 };
