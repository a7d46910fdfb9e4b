const express = require("express");
const multer = require("multer");
const { PutObjectCommand, S3Client } = require("@aws-sdk/client-s3");

const app = express();
const upload = multer();
const s3 = new S3Client({});

// Each avatar is written with the bucket's default ACL (private) under
// the user's id; it is served only through the app.
app.post("/users/:id/avatar", upload.single("avatar"), async (req, res) => {
  const key = `avatars/${req.params.id}.png`;
  await s3.send(new PutObjectCommand({ Bucket: process.env.AVATAR_BUCKET, Key: key, Body: req.file.buffer }));
  res.json({ key });
});

app.listen(3000);
