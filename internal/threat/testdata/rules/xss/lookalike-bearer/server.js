const express = require("express");
const jwt = require("jsonwebtoken");

const app = express();
app.use(express.json());

// A bearer-token API: a page elsewhere cannot attach the victim's token,
// so what a route echoes reaches only the caller who sent it.
function requireLogin(req, res, next) {
  const token = (req.headers.authorization || "").replace("Bearer ", "");
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ["HS256"] });
  } catch (err) {
    return res.status(401).send("sign in first");
  }
  next();
}

app.post("/notes/preview", requireLogin, (req, res) => {
  res.send(`<h1>${req.body.title}</h1>`);
});

app.listen(3000);
