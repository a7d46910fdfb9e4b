# Lookalike: no storage line, and the initializer makes fog the default:
# the files go to the bucket, not to a folder under public/.
class AttachmentUploader < CarrierWave::Uploader::Base
  def store_dir
    "uploads/attachments/#{model.id}"
  end
end
