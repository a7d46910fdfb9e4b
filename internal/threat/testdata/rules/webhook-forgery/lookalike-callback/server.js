const express = require("express");
const { exchangeCode, saveWebhook, listWebhooks, removeWebhook } = require("./store");

const app = express();
app.use(express.json());

function requireLogin(req, res, next) {
  if (!req.session || !req.session.userId) return res.status(401).json({ error: "sign in" });
  next();
}

// The browser coming back from a calendar provider's consent page: a GET
// with the code and state, not a provider posting events.
app.get("/integrations/callback/:provider", async (req, res) => {
  if (!req.query.state || req.query.state !== req.cookies.state) return res.status(400).end();
  await exchangeCode(req.params.provider, req.query.code);
  res.redirect("/settings");
});

// The app's own outgoing-webhook settings, behind the login.
app.get("/settings/webhooks", requireLogin, async (req, res) => res.json(await listWebhooks(req.session.userId)));
app.post("/settings/webhooks", requireLogin, async (req, res) => {
  await saveWebhook(req.session.userId, req.body.url);
  res.sendStatus(201);
});
app.delete("/settings/webhooks/:id", requireLogin, async (req, res) => {
  await removeWebhook(req.session.userId, req.params.id);
  res.sendStatus(204);
});

app.listen(8080);
