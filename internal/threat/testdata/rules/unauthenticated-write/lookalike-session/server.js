const express = require("express");
const session = require("express-session");
const { User } = require("./models");

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

class AvailabilityAnswer {
  static create(fields) {
    return { available: fields.available };
  }
}

// Drops what a sign-in step left in the caller's own session: nothing
// stored changes.
app.delete("/auth/pending", (req, res) => {
  req.session.pending = null;
  req.session["oidc"] = { state: null, nonce: null };
  res.sendStatus(204);
});

// A name's availability, asked with POST: it reads, and its answer is
// made by the code's own factory.
app.post("/users/check", async (req, res) => {
  const taken = await User.count({ where: { username: req.body.username } });
  res.json(AvailabilityAnswer.create({ available: taken === 0 }));
});

app.listen(3000);
