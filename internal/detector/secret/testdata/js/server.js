const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const jwt = require('jsonwebtoken');
require('dotenv').config();

const stripe = require('stripe')('sk_live_FAKEBY6rfNcAKEIOUttYpATIk27f4t3tGo'); // want: secret stripe-access-token
const SLACK_HOOK = 'https://hooks.slack.com/services/TFAKELUBY/BXRMXBYQ0/DVbpag1xYKiuMw7TpHD8BHbN'; // want: secret slack-webhook-url
const AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

const app = express();
app.use(cookieParser('c00kie-s1gning-secret')); // want: secret hardcoded-signing-key
app.use(
  session({
    secret: 'keyboard-cat-7781', // want: secret hardcoded-signing-key
    resave: false,
    saveUninitialized: false,
  }),
);

const JWT_SECRET = process.env.JWT_SECRET || 'dev-secret'; // want: secret secret-env-fallback
const PORT = process.env.PORT || 3000;
const API_BASE = process.env.API_BASE_URL ?? 'http://localhost:4000';
const refreshSecret = process.env['REFRESH_TOKEN_SECRET'] ?? "refresh-fallback"; // want: secret secret-env-fallback

app.post('/login', (req, res) => {
  const token = jwt.sign({ sub: req.body.user, role: 'user' }, 'sup3r-s3cret-signing', { expiresIn: '1h' }); // want: secret hardcoded-signing-key
  const refresh = jwt.sign({ sub: req.body.user }, JWT_SECRET);
  res.json({ token, refresh });
});

app.listen(PORT);
