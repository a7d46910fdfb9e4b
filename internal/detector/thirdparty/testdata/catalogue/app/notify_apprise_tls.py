# The TLS spellings of apprise's schemes.
from apprise import Apprise


def secure(s):
    a = Apprise()
    a.add(f"mailtos://{s.user}:{s.password}@example.com")
    a.add(f"ntfys://{s.topic}")
    a.add(f"matrixs://{s.user}:{s.password}@{s.host}")
    return a
