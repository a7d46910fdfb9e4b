async function needSession(req, res, next) {
  if (!req.session.memberId) {
    return res.status(401).json({ error: 'sign in' })
  }
  next()
}

function trace(req, res, next) {
  console.log(req.method, req.originalUrl)
  next()
}

module.exports = { needSession, trace }
