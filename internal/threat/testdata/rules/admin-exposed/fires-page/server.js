const express = require("express");
const session = require("express-session");
const db = require("./db");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

function isLoggedIn(req, res, next) {
  if (req.session.loggedIn === 1) return next();
  return res.redirect("/");
}

// The same login, but the admin page lists every account.
app.get("/admin", isLoggedIn, async (req, res) => {
  const users = await db.user.findMany();
  res.render("admin", { title: "Admin area", users });
});

app.listen(3000);
