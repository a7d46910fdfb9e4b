"""More integrations: clients imported by their modules."""

import fusionauth
import supertokens_python
import ory_client
import aws_xray_sdk
from oci import object_storage
import splunklib
import elasticapm
from google.cloud import logging
from azure.monitor import opentelemetry
from opencensus.ext import azure
import checkout_sdk
import tavily
import serpapi
import llama_parse
import llama_cloud
import unstructured_client
import fal_client
from google.cloud import translate
from google.cloud import speech
from google.cloud import texttospeech
from google.cloud import vision
from azure.cognitiveservices import speech
from azure.keyvault import secrets
import flask_mailman
import scout_apm.flask
import ovh
