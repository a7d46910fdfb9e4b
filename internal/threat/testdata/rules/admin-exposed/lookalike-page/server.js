const express = require("express");
const session = require("express-session");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

function isLoggedIn(req, res, next) {
  if (req.session.loggedIn === 1) return next();
  return res.redirect("/");
}

// A page named admin behind the login that shows a fixed message: it
// reads and changes nothing.
app.get("/admin", isLoggedIn, (req, res) => {
  res.render("admin", { title: "Admin area", granted: true });
});

app.listen(3000);
