// Routes served only in development or in tests.
const express = require('express');
const debug = require('./debug');

const app = express();

app.get('/status', (req, res) => res.json({ ok: true })); // want: GET /status; condition GET /status always

if (process.env.NODE_ENV !== 'production') {
  app.use('/__debug', debug); // mounted only outside production
}

if (app.get('env') === 'test') {
  app.post('/test/reset', (req, res) => res.status(204).end()); // want: POST /test/reset; condition POST /test/reset test
} else {
  app.post('/reset-cache', (req, res) => res.status(204).end()); // want: POST /reset-cache; condition POST /reset-cache always
}

// Lookalike: a route whose handler reads the environment is served always.
app.get('/env', (req, res) => res.json({ dev: process.env.NODE_ENV === 'development' })); // want: GET /env; condition GET /env always

module.exports = app;
