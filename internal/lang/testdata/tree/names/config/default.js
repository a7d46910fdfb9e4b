module.exports = { port: 3000, debug: false };
