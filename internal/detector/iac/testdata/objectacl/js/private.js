import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

const s3 = new S3Client({});

// Private objects: the default ACL, said out loud. A comment that says
// ACL: "public-read" would be wrong here is no write.
export async function saveInvoice(id, body) {
  await s3.send(new PutObjectCommand({ Bucket: process.env.INVOICE_BUCKET, Key: `invoices/${id}`, Body: body, ACL: "private" }));
}
