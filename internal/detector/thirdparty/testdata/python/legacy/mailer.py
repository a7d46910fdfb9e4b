# The legacy mailer.
from sendgrid import SendGridAPIClient  # want: third-party sendgrid
