# apprise picks the channel from the URL's scheme: each sends the message
# to that service.
import apprise

def notifier(s):
    a = apprise.Apprise()
    a.add(f"tgram://{s.bot}/{s.chat}")
    a.add(f"slack://{s.a}/{s.b}/{s.c}")
    a.add(f"discord://{s.id}/{s.token}")
    a.add(f"mailto://{s.user}:{s.password}@example.com")
    a.add(f"msteams://{s.team}")
    a.add(f"pover://{s.user}@{s.token}")
    a.add(f"ntfy://{s.topic}")
    a.add(f"matrix://{s.user}:{s.password}@{s.host}")
    a.add(f"pbul://{s.token}")
    a.add(f"sns://{s.key}/{s.secret}/{s.region}")
    a.add(f"ses://{s.user}@{s.domain}/{s.key}/{s.secret}/{s.region}")
    a.add(f"twilio://{s.sid}:{s.token}@{s.sender}")
    a.add(f"opsgenie://{s.key}")
    a.add(f"pagerduty://{s.key}@{s.routing}")
    a.add(f"sendgrid://{s.key}:{s.sender}")
    a.add(f"mailgun://{s.user}@{s.domain}/{s.key}")
    return a
