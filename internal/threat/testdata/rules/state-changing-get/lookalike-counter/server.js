const express = require("express");
const session = require("express-session");
const db = require("./db");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// Each page view adds one to the post's view count: a link that makes a
// victim's browser load it counts one more view, and writes nothing of
// the sender's.
app.get("/posts/:id", async (req, res) => {
  await db.run("UPDATE posts SET views = views + 1 WHERE id = ?", req.params.id);
  const post = await db.get("SELECT id, title, body, views FROM posts WHERE id = ?", req.params.id);
  res.json(post);
});

app.listen(3000);
