module.exports = { now: () => Date.now() }
