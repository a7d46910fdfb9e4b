const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs"); // want: store sqs SQS queue from SQS_QUEUE_URL

const sqs = new SQSClient({});
module.exports.enqueue = (body) =>
  sqs.send(new SendMessageCommand({ QueueUrl: process.env.SQS_QUEUE_URL, MessageBody: JSON.stringify(body) }));
