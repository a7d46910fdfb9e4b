const express = require("express");
const nodemailer = require("nodemailer");

const app = express();
app.use(express.json());

const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });

app.post("/api/invite", async (req, res) => {
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
