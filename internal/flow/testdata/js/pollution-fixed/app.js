const express = require('express');
const _ = require('lodash');

const app = express();
app.use(express.json());

// Lookalike: the range installs a lodash whose merge and set skip
// __proto__.
app.post('/messages', (req, res) => {
  const message = { icon: 'wave' };
  _.merge(message, req.body.message);
  _.set(message, req.body.path, 1);
  res.json(message);
});

module.exports = app;
