const express = require("express");
const session = require("express-session");
const { Note } = require("./models");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

function requireLogin(req, res, next) {
  if (!req.session.userId) {
    return res.status(401).send("sign in first");
  }
  next();
}

// Linked from each note: "duplicate". The model's create stores a row.
app.get("/notes/:id/duplicate", requireLogin, async (req, res) => {
  const note = await Note.findOne({ where: { id: req.params.id, ownerId: req.session.userId } });
  const copy = await Note.create({ title: note.title, body: note.body, ownerId: req.session.userId });
  res.redirect(`/notes/${copy.id}`);
});

app.listen(3000);
