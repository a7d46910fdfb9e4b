const express = require('express');
const catalog = require('@/routes/catalog');
const db = require('../lib/db');

const app = express();
const router = express.Router();
const V1 = '/v1';

// The QUERY method (RFC 10008): a safe request whose query is the body.
app.query('/products/search', (req, res) => res.json(req.body)); // want: QUERY /products/search
router.query('/orders', (req, res) => res.json([])); // want: QUERY /v1/orders; QUERY /legacy/orders
app
  .route('/saved-searches')
  .get((req, res) => res.json([])) // want: GET /saved-searches
  .query((req, res) => res.json(req.body)); // want: QUERY /saved-searches

// Database calls named query are no routes.
db.query('SELECT * FROM products WHERE id = $1', [1], (err, rows) => rows);
app.locals.pool.query('/* hint */ SELECT 1', () => {});

// Formatted with spaces around the dot and before the arguments.
app
  . get
  (
    '/spaced',
    (req, res) => res.json({ ok: true }) // want: GET /spaced
  );

// Mounted at several prefixes, one of them a constant.
app.use([V1, '/legacy'], router);
app.use('/catalog', catalog);

// The path alias @ names this service's own folder.
module.exports = app;
