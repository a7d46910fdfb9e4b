const express = require('express');

const app = express();

// Lets the sign-in page, the health check and public pages through; every
// other route needs a session.
function loginWall(req, res, next) {
  if (['/login', '/health'].includes(req.path) || req.path.startsWith('/public/')) return next();
  if (!req.session || !req.session.userId) {
    return res.status(401).json({ error: 'sign in' });
  }
  next();
}

// Lookalike: a CORS preflight goes through on its method, not its path.
function tokenWall(req, res, next) {
  if (req.method === 'OPTIONS') return next();
  if (!req.headers.authorization) return res.sendStatus(401);
  next();
}

app.use(loginWall);
app.get('/login', (req, res) => res.render('login')); // want: GET /login auth=none
app.get('/health', (req, res) => res.json({ ok: true })); // want: GET /health auth=none
app.get('/public/faq', (req, res) => res.render('faq')); // want: GET /public/faq auth=none
app.get('/publications', (req, res) => res.json([])); // want: GET /publications auth=required
app.post('/notes', (req, res) => res.sendStatus(201)); // want: POST /notes auth=required

const api = express.Router();
api.use(tokenWall);
api.get('/login', (req, res) => res.json({})); // want: GET /api/login auth=required
app.use('/api', api);

app.listen(3000);
