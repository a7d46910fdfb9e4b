"""Vendors' intake hosts, one a file: a file names a service once."""

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

new_relic_eu = OTLPSpanExporter(endpoint="https://otlp.eu01.nr-data.net:4318/v1/traces")
datadog_api_eu = "https://api.datadoghq.eu/api/v1/series"
