const express = require("express");
const session = require("express-session");

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

function requireLogin(req, res, next) {
  if (!req.session.userId) {
    return res.status(401).send("sign in first");
  }
  next();
}

// A PATCH: no link or form sends one from another site, so the echoed
// value reaches only the script on the product's own page that sent it.
app.patch("/settings/folder", requireLogin, (req, res) => {
  if (!req.body.folder.startsWith("/")) {
    return res.status(400).send(`Invalid folder "${req.body.folder}"`);
  }
  res.sendStatus(204);
});

app.listen(3000);
