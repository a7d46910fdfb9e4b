const express = require('express');
const swig = require('swig');
const cons = require('consolidate');

const app = express();
app.engine('.html', cons.swig);
app.set('view engine', 'html');

// Escaping on, as by default; the old setting is only a comment:
// swig.setDefaults({ autoescape: false });
swig.setDefaults({
  autoescape: true,
});

app.post('/profile', (req, res) => {
  const { displayName, city } = req.body;
  res.render('profile', { displayName, city, saved: true });
});
