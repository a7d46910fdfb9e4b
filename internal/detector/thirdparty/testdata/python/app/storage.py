import boto3  # want: third-party aws-s3; third-party aws-ses; third-party aws-bedrock

s3 = boto3.client("s3")  # want: third-party aws-s3
ses = boto3.client("ses", region_name="eu-west-1")  # want: third-party aws-ses
