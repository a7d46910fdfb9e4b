import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

const s3 = new S3Client({});

export async function saveAvatar(userId, body) {
  const key = `avatars/${userId}.png`;
  await s3.send(new PutObjectCommand({
    Bucket: process.env.AVATAR_BUCKET,
    Key: key,
    Body: body,
    ACL: "public-read", // want: infra published-bucket objects written with a public ACL
  }));
  return key;
}
