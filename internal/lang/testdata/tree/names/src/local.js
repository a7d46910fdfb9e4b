module.exports = { cache: "memory" };
