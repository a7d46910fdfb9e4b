// Routes and mounts written as data and registered in loops.
const express = require('express');
const accounts = require('./routes/accounts');
const billing = require('./routes/billing');
const { default: api } = require('./api');
const { listPlans, showPlan, ping } = require('./handlers');

const app = express();
const v1 = express.Router();

// A config array of mounts, driven through forEach (keys in any order).
const mounts = [
  { prefix: '/accounts', router: accounts },
  { router: billing, prefix: '/billing' },
];
mounts.forEach((m) => {
  v1.use(m.prefix, m.router);
});

// A table of routes, destructured in a for...of.
const table = [
  { method: 'get', path: '/plans', handler: listPlans },
  { method: 'get', path: '/plans/:id', handler: showPlan },
];
for (const { method, path, handler } of table) {
  v1[method](path, handler); // want: GET /v1/plans; GET /v1/plans/{id}
}

// One handler under several literal paths.
['/ping', '/healthz'].forEach((p) => app.get(p, ping)); // want: GET /ping; GET /healthz

// Methods by bracket, written out.
app['post']('/feedback', (req, res) => res.status(202).end()); // want: POST /feedback

app.use('/v1', v1);
app.use('/api', api);

// Lookalike: a loop over data that registers nothing.
const colors = ['red', 'green'];
colors.forEach((c) => console.log(c));

module.exports = app;
