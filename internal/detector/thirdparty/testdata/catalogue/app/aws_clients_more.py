"""More AWS services, picked out of boto3 by the client name."""

import boto3

cloudwatch_client = boto3.client("cloudwatch")
logs_client = boto3.client("logs")
events_client = boto3.client("events")
secretsmanager_client = boto3.client("secretsmanager")
ssm_client = boto3.client("ssm")
kms_client = boto3.client("kms")
textract_client = boto3.client("textract")
rekognition_client = boto3.client("rekognition")
transcribe_client = boto3.client("transcribe")
polly_client = boto3.client("polly")
translate_client = boto3.client("translate")
comprehend_client = boto3.client("comprehend")
stepfunctions_client = boto3.client("stepfunctions")
