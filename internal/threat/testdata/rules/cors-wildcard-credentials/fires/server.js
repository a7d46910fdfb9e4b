const cors = require("cors");
const express = require("express");
const session = require("express-session");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { httpOnly: true, secure: true } }));
// Reflects any Origin and lets the browser send the session cookie with it.
app.use(cors({ origin: true, credentials: true }));

app.get("/api/me", (req, res) => {
  if (!req.session.user) return res.sendStatus(401);
  res.json(req.session.user);
});

app.listen(3000);
