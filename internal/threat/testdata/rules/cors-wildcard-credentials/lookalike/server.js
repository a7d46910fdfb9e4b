const cors = require("cors");
const express = require("express");
const session = require("express-session");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { httpOnly: true, secure: true } }));
// The embeddable widget is public and cookieless: any origin may read it.
app.use("/widget", cors({ origin: "*" }));
// The account API sends cookies, so only our own front end may call it.
app.use("/api", cors({ origin: ["https://app.widgets.example"], credentials: true }));

app.get("/widget/config", (req, res) => {
  res.json({ theme: "light" });
});

app.get("/api/me", (req, res) => {
  if (!req.session.user) return res.sendStatus(401);
  res.json(req.session.user);
});

app.listen(3000);
