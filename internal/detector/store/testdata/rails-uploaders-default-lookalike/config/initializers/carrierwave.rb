CarrierWave.configure do |config|
  config.storage = :fog
  config.fog_credentials = {
    provider: "AWS", # want: store s3 S3 bucket from MEDIA_BUCKET
    region: ENV["AWS_REGION"]
  }
  config.fog_directory = ENV["MEDIA_BUCKET"]
end
