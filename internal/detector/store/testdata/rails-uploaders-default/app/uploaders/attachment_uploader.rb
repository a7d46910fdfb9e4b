# No storage line: the initializer's default (:file) decides.
class AttachmentUploader < CarrierWave::Uploader::Base # want: store filesystem Local folder public/uploads/attachments/
  def store_dir
    "uploads/attachments/#{model.id}"
  end
end
