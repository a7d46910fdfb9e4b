import { PutObjectCommand } from "@aws-sdk/client-s3";

test("writes", () => {
  new PutObjectCommand({ Bucket: "b", Key: "k", Body: "x", ACL: "public-read" });
});
