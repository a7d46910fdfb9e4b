# The worker's jobs: each SDK its manifest declares is imported here.
import google.generativeai as genai  # want: third-party google-gemini
import resend  # want: third-party resend
from twilio.rest import Client  # want: third-party twilio


def summarise(text):
    return genai.GenerativeModel("gemini-pro").generate_content(text)
