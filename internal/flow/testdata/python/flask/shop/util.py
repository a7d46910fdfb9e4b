import os
import shlex
import subprocess
from urllib.parse import urlsplit, urlunsplit


def run_cmd(cmd):
    return os.popen(cmd).read()  # want: command-injection via=body


def ping(host):
    # The host is quoted for the shell: one argument, whatever it holds.
    return os.system("ping -c 1 " + shlex.quote(host))


def ping_argv(host):
    # No shell: the host is one argument.
    return subprocess.run(["ping", "-c", "1", host], check=False)


def label(text):
    return text.strip().lower()


def local_path(target):
    # Keeps only the path of whatever URL it is given: a place on this site.
    if not target:
        return "/"
    parts = urlsplit(target)
    here = urlunsplit(("", "", parts.path, parts.query, ""))
    return here


def normalised(target):
    # Parses the URL and puts it back whole: the host stays the caller's.
    parts = urlsplit(target)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))
