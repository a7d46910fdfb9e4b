const express = require('express');
const User = require('./user');
const app = express();
app.use(express.json());

app.put('/profile/:id', async (req, res) => {
  const user = await User.findByIdAndUpdate(req.params.id, req.body);
  res.json({ id: user.id });
});

app.listen(3000);
