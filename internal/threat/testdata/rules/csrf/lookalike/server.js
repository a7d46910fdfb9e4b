const express = require("express");
const jwt = require("jsonwebtoken");
const db = require("./db");

const app = express();
app.use(express.json());

// A bearer-token API: the browser never sends the token by itself.
function requireLogin(req, res, next) {
  const token = (req.headers.authorization || "").replace("Bearer ", "");
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ["HS256"] });
  } catch (err) {
    return res.status(401).send("sign in first");
  }
  next();
}

app.post("/account/email", requireLogin, async (req, res) => {
  await db.Users.update({ email: req.body.email }, { where: { id: req.user.sub } });
  res.sendStatus(204);
});

app.listen(3000);
