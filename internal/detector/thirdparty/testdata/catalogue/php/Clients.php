<?php

namespace App\Clients;

use Stripe\StripeClient;
use Aws\Sdk;
use Aws\S3\S3Client;
use Aws\Ses\SesClient;
use Aws\SesV2\SesV2Client;
use Aws\Sqs\SqsClient;
use OpenAI\Client as OpenAIClient;
use Twilio\Rest\Client as TwilioClient;
use SendGrid\Mail\Mail;
use Mailgun\Mailgun;
use Postmark\PostmarkClient;
use Sentry\State\Scope;
use Algolia\AlgoliaSearch\SearchClient;
use Pusher\Pusher;
use Google\Cloud\Storage\StorageClient;
use MicrosoftAzure\Storage\Blob\BlobRestProxy;
use Braintree\Gateway;
use PayPal\Rest\ApiContext;
use PayPalCheckoutSdk\Core\PayPalHttpClient;
use Kreait\Firebase\Factory;
