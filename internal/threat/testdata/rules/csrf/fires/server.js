const express = require("express");
const session = require("express-session");
const db = require("./db");

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

function requireLogin(req, res, next) {
  if (!req.session.userId) {
    return res.status(401).send("sign in first");
  }
  next();
}

app.post("/account/email", requireLogin, async (req, res) => {
  await db.Users.update({ email: req.body.email }, { where: { id: req.session.userId } });
  res.redirect("/account");
});

app.listen(3000);
