const express = require('express');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');
const passport = require('passport');
const { requireAuth, optionalAuth, guestOnly, authSessionMetrics, requireAdmin, requireRole, hideFromNonStaff, loadNote } = require('./middleware/auth');
const { signedIn } = require('./middleware/audited');
const admin = require('./admin');
const billing = require('./billing');
const SessionHandler = require('./session');

const app = express();
app.use(helmet());
app.use(helmet.frameguard({ action: 'deny' }));
app.use(rateLimit({ windowMs: 60000, max: 100 }));
app.use(authSessionMetrics);
app.use(express.json());

app.get('/health', (req, res) => res.json({ ok: true })); // want: GET /health auth=none

// A login reads the Authorization header and answers 401 to a wrong password.
app.post('/login', (req, res) => { // want: POST /login auth=none
  const [user, password] = Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':');
  if (!checkPassword(user, password)) {
    return res.status(401).json({ error: 'wrong password' });
  }
  res.json({ token: issue(user) });
});

app.get('/signup', guestOnly, (req, res) => res.render('signup')); // want: GET /signup auth=none

// isAuthenticated() only changes what the page shows.
app.get('/', (req, res) => { // want: GET / auth=none
  res.render('home', { member: req.isAuthenticated() });
});

app.get('/feed', optionalAuth, (req, res) => res.json(feedFor(req.user))); // want: GET /feed auth=none

app.post('/notes', requireAuth, (req, res) => res.json(saveNote(req.user, req.body))); // want: POST /notes auth=required

app.delete('/notes/:id', passport.authenticate('jwt', { session: false }), (req, res) => res.sendStatus(204)); // want: DELETE /notes/{id} auth=required

// A check written inline in the handler, before it writes.
app.put('/profile', (req, res) => { // want: PUT /profile auth=required
  if (!req.session.userId) {
    return res.status(401).end();
  }
  res.json(updateProfile(req.session.userId, req.body));
});

app.post('/reports', requireAuth, requireAdmin, (req, res) => res.json(runReport())); // want: POST /reports auth=required role=admin

const sessions = new SessionHandler(null);
const requireLogin = sessions.requireLogin;
app.get('/inbox', requireLogin, (req, res) => res.render('inbox')); // want: GET /inbox auth=required

// A guard factory on one route: its argument is the role its code compares.
app.post('/invoices/:id/void', requireRole('accountant'), (req, res) => res.sendStatus(204)); // want: POST /invoices/{id}/void auth=required role=accountant
// Lookalike: the factory's argument is only a log label, no role.
app.post('/invoices/:id/notes', signedIn('billing'), (req, res) => res.sendStatus(204)); // want: POST /invoices/{id}/notes auth=required

// A guard answering 404 to a caller who is not staff; a lookalike answering
// 404 for a missing record.
app.get('/staff/queue', hideFromNonStaff, (req, res) => res.json(queue())); // want: GET /staff/queue auth=required role=staff
app.get('/notes/:id', loadNote, (req, res) => res.json(req.note)); // want: GET /notes/{id} auth=none

app.use('/admin', admin);
app.use('/billing', billing);

module.exports = app;
