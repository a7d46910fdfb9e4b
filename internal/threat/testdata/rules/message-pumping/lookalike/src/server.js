const express = require("express");
const rateLimit = require("express-rate-limit");
const nodemailer = require("nodemailer");

const app = express();
app.use(express.json());

const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });
const inviteLimiter = rateLimit({ windowMs: 60 * 60 * 1000, limit: 5 });

// Turnstile: a human solved the challenge before any mail goes out.
async function verifyCaptcha(req, res, next) {
  const check = await fetch("https://challenges.cloudflare.com/turnstile/v0/siteverify", {
    method: "POST",
    body: new URLSearchParams({ secret: process.env.TURNSTILE_SECRET, response: req.body.captchaToken }),
  });
  const result = await check.json();
  if (!result.success) return res.status(400).json({ error: "captcha failed" });
  next();
}

app.post("/api/invite", inviteLimiter, verifyCaptcha, async (req, res) => {
  const { email, name } = req.body;
  await transporter.sendMail({
    from: "hello@waitlist.example",
    to: email,
    subject: `${name} invited you`,
    text: "You are on the list.",
  });
  res.json({ sent: true });
});

app.listen(3000);
