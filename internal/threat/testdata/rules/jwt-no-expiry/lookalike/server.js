const express = require("express");
const jwt = require("jsonwebtoken");
const db = require("./db");

const app = express();
app.use(express.json());

app.post("/login", async (req, res) => {
  const member = await db.checkLogin(req.body.email, req.body.password);
  if (!member) return res.status(401).end();
  const claims = { id: member.id, admin: member.admin };
  claims.exp = Math.floor(Date.now() / 1000) + 3600;
  const token = jwt.sign(claims, process.env.TOKEN_KEY);
  res.json({ token });
});

app.listen(3000);
