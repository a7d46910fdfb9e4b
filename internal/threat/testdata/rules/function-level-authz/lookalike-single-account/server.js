const crypto = require("crypto");
const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

// One owner, one password from the environment: there are no user
// accounts, so whoever signs in is the administrator.
const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

function requireLogin(req, res, next) {
  if (!req.session.loggedIn) {
    return res.status(401).end();
  }
  next();
}

app.post("/login", (req, res) => {
  const given = Buffer.from(req.body.password || "");
  const want = Buffer.from(process.env.OWNER_PASSWORD);
  if (given.length !== want.length || !crypto.timingSafeEqual(given, want)) {
    return res.status(401).end();
  }
  req.session.loggedIn = true;
  res.redirect("/admin/notes");
});

app.post("/admin/notes/:id/delete", requireLogin, (req, res) => {
  db.prepare("DELETE FROM notes WHERE id = ?").run(req.params.id);
  res.redirect("/admin/notes");
});

app.listen(3000);
