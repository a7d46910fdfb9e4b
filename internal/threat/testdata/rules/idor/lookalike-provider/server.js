const express = require("express");
const session = require("express-session");
const { Issuer, generators } = require("openid-client");
const { Note } = require("./models");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// The identity providers the operator configured, by name.
const providers = new Map();

const oidc = {
  getAuthorizationUrl(name, state) {
    const client = providers.get(name);
    return client.authorizationUrl({ scope: "openid email", state });
  },
};

// Sign-in starts here: the parameter names a configured provider, not a
// record of anyone's.
app.get("/auth/oidc/:provider", (req, res) => {
  const state = generators.state();
  req.session.oidcState = state;
  res.redirect(oidc.getAuthorizationUrl(req.params.provider, state));
});

app.get("/notes/:id", async (req, res) => {
  if (!req.session.userId) return res.sendStatus(401);
  const note = await Note.findOne({ where: { id: req.params.id, ownerId: req.session.userId } });
  res.json(note);
});

app.listen(3000);
