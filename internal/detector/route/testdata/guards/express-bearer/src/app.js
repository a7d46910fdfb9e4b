const express = require('express');
const jwt = require('jsonwebtoken');
const { findSession } = require('./sessions');

const app = express();

// Asks only that a Bearer header is there: any "Bearer x" passes.
function bearerPresent(req, res, next) {
  const auth = req.headers.authorization;
  if (!auth || !auth.startsWith('Bearer ')) {
    return res.status(401).json({ error: 'missing token' });
  }
  next();
}

// Lookalike: the same test, then the token is verified.
function bearerVerified(req, res, next) {
  const auth = req.headers.authorization;
  if (!auth || !auth.startsWith('Bearer ')) {
    return res.status(401).json({ error: 'missing token' });
  }
  req.user = jwt.verify(auth.slice(7), process.env.TOKEN_SECRET);
  next();
}

app.get('/orders', bearerPresent, (req, res) => res.json([])); // want: GET /orders auth=none
app.get('/invoices', bearerVerified, (req, res) => res.json([])); // want: GET /invoices auth=required

// A handler that only asks the header is there.
app.get('/exports', (req, res) => { // want: GET /exports auth=none
  if (!req.headers.authorization) {
    return res.sendStatus(401);
  }
  res.json([]);
});

// Lookalike: the header's token looked up among the sessions.
app.get('/imports', async (req, res) => { // want: GET /imports auth=required
  const token = req.headers['authorization'];
  if (!token) {
    return res.sendStatus(401);
  }
  const session = await findSession(token);
  res.json(session.items);
});

app.listen(3000);
