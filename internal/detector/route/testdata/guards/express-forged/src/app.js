const express = require('express');
const cookieParser = require('cookie-parser');
const { signIn, checkBasic } = require('./accounts');

const app = express();
app.use(cookieParser());

// A flag the browser sends as the caller wrote it: anyone sets the cookie.
function adminByCookie(req, res, next) {
  if (req.cookies.isAdmin !== 'true') {
    return res.status(401).json({ error: 'admins only' });
  }
  next();
}

// A role taken from the query string: anyone adds ?role=admin.
function roleFromQuery(req, res, next) {
  if (req.query.role !== 'admin') {
    return res.status(403).end();
  }
  next();
}

// Lookalike: the role of the user the session names.
function requireAdmin(req, res, next) {
  if (!req.user || req.user.role !== 'admin') {
    return res.status(403).end();
  }
  next();
}

// Lookalike: a header compared with a key the app holds.
function requireKey(req, res, next) {
  if (req.headers['x-api-key'] !== process.env.SYNC_KEY) {
    return res.sendStatus(401);
  }
  next();
}

app.get('/panel', adminByCookie, (req, res) => res.json({})); // want: GET /panel auth=none
app.get('/reports', roleFromQuery, (req, res) => res.json([])); // want: GET /reports auth=none
app.delete('/users/:id', requireAdmin, (req, res) => res.sendStatus(204)); // want: DELETE /users/{id} auth=required role=admin
app.post('/sync', requireKey, (req, res) => res.sendStatus(204)); // want: POST /sync auth=required

// A login: the service it hands the posted body to refuses a wrong
// password itself; that refusal guards nothing.
app.post('/users/login', async (req, res) => { // want: POST /users/login auth=none
  const user = await signIn(req.body.user);
  res.json({ user });
});

// Lookalike: a helper handed the request that checks the password of an
// Authorization header on every call is basic auth, a guard.
app.get('/reports/export', async (req, res) => { // want: GET /reports/export auth=required
  await checkBasic(req);
  res.json([]);
});

app.listen(3000);
