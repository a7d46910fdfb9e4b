const express = require('express');
const rateLimit = require('express-rate-limit');

const app = express();

// Keyed on the header as the client sends it.
const loginLimiter = rateLimit({
  windowMs: 60000,
  max: 5,
  keyGenerator: (req) => req.headers['x-forwarded-for'] || req.ip, // want: weakness limiter-keyed-on-header
});

// Behind one proxy the operator names: req.ip is the proxy's client.
app.set('trust proxy', 1);
const apiLimiter = rateLimit({ windowMs: 60000, max: 100, keyGenerator: (req) => req.ip });

app.post('/api/session', loginLimiter, (req, res) => res.json({}));
app.get('/api/items', apiLimiter, (req, res) => res.json([]));
