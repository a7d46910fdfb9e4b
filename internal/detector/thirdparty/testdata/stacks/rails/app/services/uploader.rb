class Uploader
  def initialize
    @s3 = Aws::S3::Client.new(region: "eu-west-1") # want: third-party aws-s3
  end

  def put(key, body)
    @s3.put_object(bucket: "uploads", key: key, body: body)
  end
end
