const nodemailer = require("nodemailer");

// A manual check of the relay this repository runs on the same machine.
const relay = nodemailer.createTransport({
  host: "127.0.0.1",
  port: 2525,
  secure: false,
});

relay.sendMail({ to: "someone@example.com", subject: "relay check", text: "hi" });
