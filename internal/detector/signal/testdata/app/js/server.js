const express = require("express");
const rateLimit = require("express-rate-limit"); // an import is no limiter
const jwt = require("jsonwebtoken");

const app = express();
app.use(rateLimit({ windowMs: 60000, max: 20 })); // want: control rate-limit

app.get("/fetch", async (req, res) => {
  const r = await fetch(req.query.url); // want: weakness ssrf
  res.send(await r.text());
});

function check(token) {
  return jwt.verify(token, key, { algorithms: ["none"] }); // want: weakness jwt-unverified
}

function audit(user, action) {
  auditLog.write({ user, action }); // want: control audit-log
}

async function human(token) {
  const r = await fetch("https://challenges.cloudflare.com/turnstile/v0/siteverify", { method: "POST", body: token }); // want: control captcha
  const captchaToken = token; // a variable named for it is no verification
  return (await r.json()).success && captchaToken;
}

app.post("/calc", (req, res) => {
  res.json({ v: eval(req.body.expr) }); // want: weakness code-injection
});

function parse(x) {
  return JSON.parse(x);
}
