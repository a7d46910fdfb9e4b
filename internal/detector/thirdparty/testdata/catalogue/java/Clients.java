package com.example.clients;

import com.stripe.Stripe;
import com.alipay.api.DefaultAlipayClient;
import com.amazonaws.auth.AWSCredentials;
import software.amazon.awssdk.regions.Region;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import com.amazonaws.services.simpleemail.AmazonSimpleEmailServiceClientBuilder;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import com.openai.client.OpenAIClient;
import com.theokanning.openai.service.OpenAiService;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.anthropic.client.AnthropicClient;
import com.twilio.Twilio;
import com.sendgrid.SendGrid;
import com.mailgun.api.v3.MailgunMessagesApi;
import com.postmarkapp.postmark.Postmark;
import io.sentry.Sentry;
import com.algolia.search.SearchClient;
import com.slack.api.Slack;
import com.pusher.rest.Pusher;
import com.google.cloud.storage.Storage;
import com.azure.storage.blob.BlobServiceClient;
import com.braintreegateway.BraintreeGateway;
import com.paypal.core.PayPalHttpClient;
import com.google.firebase.FirebaseApp;
import javax.mail.Transport;
import jakarta.mail.Transport;
import org.springframework.mail.javamail.JavaMailSender;
import cn.hutool.extra.mail.MailAccount;
import org.simplejavamail.email.EmailBuilder;
import org.apache.commons.mail.SimpleEmail;

public class Clients {}
