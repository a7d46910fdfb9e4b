# Django wires backends by dotted path: the framework imports them.
STORAGES = {
    "default": {"BACKEND": "storages.backends.s3boto3.S3Boto3Storage"},  # want: third-party aws-s3
}
# An event name shaped like a module path names no class.
SENT_EVENT = "resend.email.sent"
