const express = require("express");
const multer = require("multer");
const { PutObjectCommand, S3Client } = require("@aws-sdk/client-s3");

const app = express();
const upload = multer();
const s3 = new S3Client({});

// Each avatar is written public-read under the user's id: anyone who
// knows an id fetches the file.
app.post("/users/:id/avatar", upload.single("avatar"), async (req, res) => {
  const key = `avatars/${req.params.id}.png`;
  await s3.send(new PutObjectCommand({ Bucket: process.env.AVATAR_BUCKET, Key: key, Body: req.file.buffer, ACL: "public-read" }));
  res.json({ key });
});

app.listen(3000);
