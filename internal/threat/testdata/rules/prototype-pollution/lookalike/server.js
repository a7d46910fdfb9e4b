const express = require('express');
const _ = require('lodash');
const app = express();
app.use(express.json());

// lodash 4.17.21's merge skips __proto__ and constructor.
app.post('/notes', (req, res) => {
  const note = { pinned: false };
  _.merge(note, req.body.note);
  res.json(note);
});

app.listen(3000);
