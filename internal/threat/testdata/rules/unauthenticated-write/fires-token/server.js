const express = require("express");
const jwt = require("jsonwebtoken");
const { Session, Preference, Token, User } = require("./models");

const app = express();
app.use(express.json());

// Reads the token without checking its signature: anyone can mint one.
app.post("/sessions/rotate", async (req, res) => {
  const claims = jwt.decode(req.body.refreshToken);
  await Session.create({ user: claims.sub });
  res.sendStatus(204);
});

// Named for a logout, but what it changes is whoever the body names.
app.post("/logout-everywhere", async (req, res) => {
  await Session.deleteMany({ user: req.body.userId });
  await Preference.updateOne({ user: req.body.userId }, { remember: false });
  res.sendStatus(204);
});

// Hands the token to a helper that only records it: nothing checks it.
app.post("/email/confirm", async (req, res) => {
  await remember(req.body.token, req.body.userId);
  res.sendStatus(204);
});

// Looks the e-mailed token up, but goes on whether or not it was found.
app.post("/email/change", async (req, res) => {
  const parsed = parseQuery(req.query);
  const { token } = parsed;
  const pending = await Token.findOne({
    token,
    type: "change-email",
  });
  await User.updateOne({ email: req.body.email }, { email: req.body.newEmail });
  res.json({ done: Boolean(pending) });
});

function parseQuery(query) {
  return { token: String(query.token || "") };
}

async function remember(token, user) {
  await Preference.updateOne({ user }, { lastToken: token, emailConfirmed: true });
}

app.listen(3000);
