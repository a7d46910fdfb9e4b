import nodemailer from "nodemailer";

// Renders a message in memory, and sends the receipts through the
// operator's SMTP server: the file sends mail.
const render = nodemailer.createTransport({ streamTransport: true, buffer: true });
const smtp = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
});

export async function sendReceipt(to: string, html: string) {
  await render.sendMail({ to, html });
  return smtp.sendMail({ to, subject: "Your receipt", html });
}
