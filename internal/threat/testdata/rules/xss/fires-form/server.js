const express = require("express");
const session = require("express-session");

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

function requireLogin(req, res, next) {
  if (!req.session.userId) {
    return res.status(401).send("sign in first");
  }
  next();
}

// A form post on a cookie session: a page elsewhere can submit it in the
// victim's name, and the echoed title runs as their script.
app.post("/notes/preview", requireLogin, (req, res) => {
  res.send(`<h1>${req.body.title}</h1>`);
});

app.listen(3000);
