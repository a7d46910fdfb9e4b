using Stripe;
using Amazon;
using Amazon.S3;
using Amazon.SimpleEmail;
using Amazon.SimpleEmailV2;
using Amazon.SQS;
using OpenAI;
using Azure.AI.OpenAI;
using Anthropic;
using Twilio;
using SendGrid;
using PostmarkDotNet;
using Sentry;
using Algolia.Search.Clients;
using PusherServer;
using Google.Cloud.Storage.V1;
using Azure.Storage.Blobs;
using Microsoft.Azure.Storage.Blob;
using Microsoft.WindowsAzure.Storage.Blob;
using Azure.Storage.Queues;
using Microsoft.Azure.Storage.Queue;
using Microsoft.WindowsAzure.Storage.Queue;
using StackExchange.Redis;
using Hangfire;
using Braintree;
using FirebaseAdmin;

namespace Example.Clients;

public class Clients {}
