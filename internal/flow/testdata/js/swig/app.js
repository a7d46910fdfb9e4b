const express = require('express');
const swig = require('swig');
const cons = require('consolidate');

const app = express();
app.engine('.html', cons.swig);
app.set('view engine', 'html');

// The engine is told not to escape: every {{ value }} is the page's HTML.
swig.setDefaults({
  autoescape: false,
});

app.post('/profile', (req, res) => {
  const { displayName, city } = req.body;
  res.render('profile', { displayName, city, saved: true });
});

// Lookalike: the value is escaped by a filter, or is a number.
app.get('/greet', (req, res) => {
  res.render('greet', { who: req.query.who, count: Number(req.query.n) });
});
