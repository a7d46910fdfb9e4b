"""Client set-up for every integration the app talks to."""

import openai
import langchain_openai
from llama_index.llms import openai
import anthropic
import langchain_anthropic
from llama_index.llms import anthropic
from azure.ai import documentintelligence
from azure.ai import formrecognizer
from llama_index.llms import gemini
from google import generativeai
from google import genai
import langchain_google_genai
import vertexai
from google.cloud import aiplatform
import cohere
import langchain_cohere
import mistralai
import langchain_mistralai
import replicate
import huggingface_hub
import stripe
import djstripe
import paddle_billing
import lemonsqueezy
import paypalrestsdk
import paypalcheckoutsdk
import paypalserversdk
import boto3
import botocore
import aioboto3
import aiobotocore
from storages.backends import s3boto3
from storages.backends import s3
from storages.backends import azure_storage
from storages.backends import gcloud
import s3fs
import langchain_aws
from google.cloud import storage
import gcsfs
from azure.storage import blob
import twilio
import sendgrid
import postmarker
import resend
import smtplib
import aiosmtplib
import flask_mail
import fastapi_mail
import emails
import yagmail
import supabase
import firebase_admin
import auth0
import clerk_backend_api
import sentry_sdk
import ddtrace
import datadog
from segment import analytics
import posthog
import slack_sdk
import slack_bolt
import discord
import psycopg2
import psycopg2_binary
import psycopg
import psycopg_binary
import asyncpg
import MySQLdb
from mysql import connector
import sqlite3
import pymongo
import motor
import mongoengine
import beanie
import redis
import aioredis
import pika
import aio_pika
import kafka
import confluent_kafka
import aiokafka
from azure.ai import inference
import groq
import langchain_groq
import together
import langchain_deepseek
import xai_sdk
import langchain_xai
import fireworks
import langchain_fireworks
from cerebras.cloud import sdk
import ollama
import langchain_ollama
import voyageai
import elevenlabs
import deepgram
import assemblyai
import stability_sdk
import langsmith
import langfuse
import pinecone
import langchain_pinecone
import weaviate
import qdrant_client
import braintree
import square
import adyen
import razorpay
import mollie
import chargebee
import recurly
import plaid
import coinbase_commerce
import polar_sdk
import mailchimp_marketing
import mailchimp_transactional
import mailchimp3
import mailjet_rest
import sparkpost
import sib_api_v3_sdk
import brevo_python
import customerio
import mailersend
import vonage
import messagebird
import plivo
import telnyx
import onesignal_sdk
import exponent_server_sdk
import pushover
import pusher
import ably
import botbuilder
import teams
import telegram
import aiogram
import telebot
import nio
import intercom
import zenpy
import okta
import workos
import stytch
import kinde_sdk
import descope
import msal
from azure import identity
from google import oauth2
from google import auth
import google_auth_oauthlib
import github
import githubkit
import gitlab
import keycloak
import magic_admin
import b2sdk
import cloudinary
import imagekitio
import dropbox
import googleapiclient
import gspread
import pydrive2
from google import analytics
import mixpanel
import amplitude
import rudderstack
import newrelic
import honeycomb_opentelemetry
import libhoney
import rollbar
import bugsnag
import logtail
import axiom_py
import highlight_io
import pdpyras
import pagerduty
import appsignal
import logging_loki
import googlemaps
import mapbox
import geoip2
import maxminddb
import ipinfo
import opencage
import algoliasearch
import elasticsearch
import elasticsearch_dsl
import opensearchpy
import meilisearch
import typesense
import pysolr
import upstash_redis
import qstash
import inngest
import pynamodb
from google.cloud import pubsub
from google.cloud import pubsub_v1
from google.cloud import firestore
from azure import servicebus
from azure import cosmos
import nats
import clickhouse_connect
import clickhouse_driver
import neo4j
import cassandra
import pymssql
import pyodbc
import aioodbc
import pymemcache
import memcache
import pylibmc
import libsql_client
import libsql_experimental
import convex
import tinydb
import web3
import moralis
import solana
import solders
import cloudflare
import django_recaptcha
import flask_recaptcha
import pydo
import digitalocean
import notion_client
import pyairtable
import hubspot
import simple_salesforce
import shopify
import contentful
import docusign_esign
import jira
import atlassian
import ldclient
import tweepy
import facebook_business
import facebook
import appstoreserverlibrary
import crisp_api
import mux_python
import opsgenie_sdk
import trello
import asana
import rudder_analytics
import pushbullet
import azure.eventhub
import azure.storage.queue
import google.cloud.tasks_v2
import celery
import rq
import dramatiq
import temporalio
import pulsar
import nsq
import paho.mqtt
import aiomqtt
import exa_py
import firecrawl
import e2b
import e2b_code_interpreter
import google.cloud.kms
import google.cloud.secretmanager
import azure.eventgrid
import restate
import upstash_vector
import nordigen
import sendblue
