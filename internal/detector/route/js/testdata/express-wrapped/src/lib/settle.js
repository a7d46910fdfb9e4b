// A wrapper in a file of its own: it passes every argument on.
function settle(fn) {
  return function settled(...args) {
    const done = args[args.length - 1]
    return Promise.resolve(fn(...args)).catch(done)
  }
}

module.exports = settle
