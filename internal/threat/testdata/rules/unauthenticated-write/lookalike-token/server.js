const express = require("express");
const session = require("express-session");
const jwt = require("jsonwebtoken");
const tokens = require("./services/tokens");
const { Session, Token, User } = require("./models");

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// Ends the caller's own session: nothing of anyone else's changes.
app.post("/logout", (req, res) => {
  req.session.destroy(() => res.sendStatus(204));
});

// Rotates a refresh token: only its holder, with a valid signature, gets a new one.
app.post("/sessions/rotate", async (req, res) => {
  const claims = jwt.verify(req.body.refreshToken, process.env.REFRESH_SECRET);
  await Session.create({ user: claims.sub });
  res.json({ token: jwt.sign({ sub: claims.sub }, process.env.ACCESS_SECRET) });
});

// The token from the e-mail opens the write, one call away.
app.post("/email/confirm", async (req, res) => {
  await tokens.confirmEmail(req.body.token);
  res.sendStatus(204);
});

// The e-mailed token, read through a parser, is looked up; a miss (or
// an expired token) is refused before anything changes.
app.post("/email/change", async (req, res) => {
  const parsed = parseQuery(req.query);
  const { token } = parsed;
  const pending = await Token.findOne({
    token,
    type: "change-email",
    expires: { $gt: new Date() },
  });
  const email = pending?.identifier;
  if (!email) {
    return res.status(400).json({ error: "invalid token" });
  }
  await User.updateOne({ email }, { email: pending.newEmail });
  res.sendStatus(204);
});

function parseQuery(query) {
  return { token: String(query.token || "") };
}

app.listen(3000);
