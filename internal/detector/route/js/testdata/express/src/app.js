const express = require('express');
const cors = require('cors');
const passport = require('passport');
const { requireAuth } = require('./middleware/auth');
const usersRouter = require('./routes/users');
const adminRouter = require('./routes/admin');

const API = '/api';
const app = express();
const cache = new Map();

app.use(express.json());
app.use(cors());

app.get('/health', (req, res) => res.json({ ok: true, cached: cache.get('/health') })); // want: GET /health; auth GET /health none
app.post(`${API}/login`, passport.authenticate('local'), (req, res) => res.json(req.user)); // want: POST /api/login; auth POST /api/login none
app.use(`${API}/users`, usersRouter);
app.use('/admin', requireAuth, adminRouter);
app.use('/uploads', express.static('uploads')); // want: GET /uploads
require('./routes/legacy')(app);

// app.get('/old-report', (req, res) => res.send('gone'));
/* app.delete('/everything', wipe); */

// A settings read, not a route.
if (app.get('env') === 'development') {
  app.set('trust proxy', 1);
}

app.listen(process.env.PORT || 3000);
