# Vendors' SMTP relays, as Action Mailer's smtp_settings name them.
RELAYS = {
  sendgrid: { address: "smtp.sendgrid.net" },
  mailgun: { address: "smtp.mailgun.org" },
  postmark: { address: "smtp.postmarkapp.com" },
  resend: { address: "smtp.resend.com" },
  mandrill: { address: "smtp.mandrillapp.com" },
  mailjet: { address: "in-v3.mailjet.com" },
  sparkpost: { address: "smtp.sparkpostmail.com" },
  brevo: { address: "smtp-relay.brevo.com" }
}.freeze
