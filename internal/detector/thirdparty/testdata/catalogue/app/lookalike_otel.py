"""Lookalike: the OpenTelemetry SDK exporting to the operator's collector
names no vendor: the endpoint is whatever OTEL_EXPORTER_OTLP_ENDPOINT says."""

import os

from opentelemetry import sdk
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

exporter = OTLPSpanExporter(endpoint=os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"))
provider = sdk.trace.TracerProvider()
