"""Datadog's log intake, one site a file."""

datadog_logs = "https://http-intake.logs.datadoghq.com/api/v2/logs"
