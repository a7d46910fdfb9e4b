const express = require('express');
const escapeHtml = require('escape-html');
const app = express();

app.get('/search', (req, res) => {
  res.send(`<p>No results for ${escapeHtml(req.query.q)}</p>`);
});

app.listen(3000);
