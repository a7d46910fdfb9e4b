"""A Django mail backend built by hand: SMTP."""

from django.core.mail.backends.smtp import EmailBackend


def backend(host, port, user, password):
    return EmailBackend(host=host, port=port, username=user, password=password, use_tls=True)
