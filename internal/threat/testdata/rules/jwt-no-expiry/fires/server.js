const express = require("express");
const jwt = require("jsonwebtoken");
const db = require("./db");

const app = express();
app.use(express.json());

app.post("/login", async (req, res) => {
  const member = await db.checkLogin(req.body.email, req.body.password);
  if (!member) return res.status(401).end();
  const token = jwt.sign({ id: member.id, admin: member.admin }, process.env.TOKEN_KEY);
  res.json({ token });
});

app.listen(3000);
