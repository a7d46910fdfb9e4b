// Wrappers that hand each request to the function they are given.
const tryAsync = fn => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next)

// Lookalike: times the request but calls its own recorder, never the
// function it is given.
const timed = fn => (req, res, next) => {
  const started = Date.now()
  return record(req, res, next, started)
}

function record(req, res, next, started) {
  res.set('x-took', String(Date.now() - started))
  next()
}

// A wrapper that turns callers away itself: a guard of its own.
const membersOnly = fn => (req, res, next) => {
  if (!req.session.memberId) {
    return res.status(401).json({ error: 'sign in' })
  }
  return fn(req, res, next)
}

module.exports = { tryAsync, timed, membersOnly }
