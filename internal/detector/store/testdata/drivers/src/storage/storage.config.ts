// A configuration schema names the bucket's setting under env: beside its
// default. want: store s3 S3 bucket from FILES_S3_BUCKET_NAME
export const storageConfig = {
  driver: { doc: "Which driver keeps the files", schema: "string", default: "fs", env: "FILES_DRIVER" },
  s3: {
    bucketName: { doc: "The bucket", schema: "string", default: "", env: "FILES_S3_BUCKET_NAME" },
    endpoint: { doc: "Another S3 host", schema: "string", default: undefined, env: "FILES_S3_ENDPOINT" },
  },
};
