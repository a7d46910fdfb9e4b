# Helpers with no program of their own: the folder's word stands.
import smtplib


def send(msg):
    with smtplib.SMTP("localhost") as s:
        s.send_message(msg)
