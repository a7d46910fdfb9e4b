// NestJS's mail module sends through an SMTP transport the config names.
import { Module } from "@nestjs/common";
import { MailerModule } from "@nestjs-modules/mailer";

@Module({
  imports: [
    MailerModule.forRoot({
      transport: { host: process.env.MAIL_HOST, port: 587, auth: { user: process.env.MAIL_USER, pass: process.env.MAIL_PASS } },
    }),
  ],
})
export class MailModule {}
