import nodemailer from "nodemailer";

// Only builds the raw MIME message, which another API then delivers:
// nothing here talks to a mail server.
export async function rawMessage(to: string, subject: string, html: string): Promise<Buffer> {
  const builder = nodemailer.createTransport({ streamTransport: true, newline: "unix", buffer: true });
  const info = await builder.sendMail({ to, subject, html });
  return info.message as Buffer;
}

export async function preview(to: string) {
  const t = nodemailer.createTransport({ jsonTransport: true });
  return t.sendMail({ to, subject: "preview" });
}
