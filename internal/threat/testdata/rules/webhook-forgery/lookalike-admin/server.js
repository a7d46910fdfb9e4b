const express = require("express");
const { adminOnly } = require("@snippets/guards");
const hooks = require("./hooks");

const app = express();
app.use(express.json());

// An admin re-installs the git hooks of every repository: a person's
// action in the admin panel, not a receiver a sender posts events to.
app.post("/admin-panel/reset-hooks", adminOnly, async (req, res) => {
  await hooks.reinstallAll();
  res.redirect("/admin-panel");
});

app.listen(8080);
