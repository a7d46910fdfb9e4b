import os
import shlex
import subprocess


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
