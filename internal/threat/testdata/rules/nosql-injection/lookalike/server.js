const express = require('express');
const User = require('./user');
const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email), password: String(req.body.password) });
  res.json({ ok: Boolean(user) });
});

app.listen(3000);
