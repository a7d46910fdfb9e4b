"""OpenTelemetry exporters pointed at vendors' intake hosts."""

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

honeycomb_eu = OTLPSpanExporter(endpoint="https://api.eu1.honeycomb.io/v1/traces")
new_relic = OTLPSpanExporter(endpoint="https://otlp.nr-data.net:4318/v1/traces")
axiom_edge = OTLPSpanExporter(endpoint="https://eu-central-1.aws.edge.axiom.co/v1/traces")
datadog_api = "https://api.datadoghq.com/api/v1/series"
