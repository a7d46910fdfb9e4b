import subprocess


def export(fmt):
    subprocess.call("exporter --format " + fmt, shell=True)  # want: command-injection via=body
