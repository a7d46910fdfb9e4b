module.exports = { entry: "./src/client.js" };
