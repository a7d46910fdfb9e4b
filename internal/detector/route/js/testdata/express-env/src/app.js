const express = require('express');
const config = require('./config');
const { authLimiter, looseLimiter } = require('./limits');
const api = require('./routes');

const app = express();

// The deployment limits sign-in attempts.
if (config.env === 'production') {
  app.use('/v1/auth', authLimiter);
}

// Lookalike: a limiter on the account routes only while developing.
if (config.env === 'development') {
  app.use('/v1/account', looseLimiter);
}

app.use('/v1', api);

module.exports = app;
