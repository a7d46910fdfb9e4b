"""Datadog's log intake, one site a file."""

datadog_logs_eu = "https://http-intake.logs.datadoghq.eu/api/v2/logs"
