const express = require("express");
const session = require("express-session");
const db = require("./db");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

function requireLogin(req, res, next) {
  if (!req.session.userId) {
    return res.status(401).send("sign in first");
  }
  next();
}

// Linked from each post: "rename". The new title comes from the query
// string, so a link chooses what the victim's post is renamed to.
app.get("/posts/:id/rename", requireLogin, async (req, res) => {
  await db.run("UPDATE posts SET title = ? WHERE id = ? AND author_id = ?", req.query.title, req.params.id, req.session.userId);
  res.redirect(`/posts/${req.params.id}`);
});

app.listen(3000);
