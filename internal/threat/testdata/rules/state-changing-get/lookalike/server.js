const crypto = require("crypto");
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

// Reads only: the ETag hashes the note, nothing is written.
app.get("/notes/:id", requireLogin, async (req, res) => {
  const note = await db.Notes.findOne({ where: { id: req.params.id, ownerId: req.session.userId } });
  const etag = crypto.createHash("sha1").update(note.body).digest("hex");
  res.set("ETag", etag).json(note);
});

app.post("/notes/:id/delete", requireLogin, async (req, res) => {
  await db.Notes.destroy({ where: { id: req.params.id, ownerId: req.session.userId } });
  res.redirect("/notes");
});

app.listen(3000);
