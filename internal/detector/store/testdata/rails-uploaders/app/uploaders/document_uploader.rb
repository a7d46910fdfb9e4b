class DocumentUploader < Shrine
  plugin :derivatives

  self.storages = {
    cache: Shrine::Storage::FileSystem.new("public", prefix: "uploads/cache"), # want: store filesystem Local folder public/uploads/cache/
    store: Shrine::Storage::S3.new(bucket: ENV.fetch("DOCS_BUCKET"), region: "eu-west-1") # want: store s3 S3 bucket from DOCS_BUCKET
  }
end
