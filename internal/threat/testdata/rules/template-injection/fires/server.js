const express = require('express');
const ejs = require('ejs');
const app = express();
app.use(express.json());

app.post('/preview', (req, res) => {
  res.json({ html: ejs.render(req.body.template, { user: 'guest' }) });
});

app.listen(3000);
