const express = require('express');
const ejs = require('ejs');
const app = express();
app.use(express.json());

const TEMPLATE = '<p>Hello <%= user %></p>';

app.post('/preview', (req, res) => {
  res.json({ html: ejs.render(TEMPLATE, { user: req.body.name }) });
});

app.listen(3000);
