class AvatarUploader < CarrierWave::Uploader::Base
  storage :file # want: store filesystem Local folder public/uploads/avatars/

  def store_dir
    "uploads/avatars/#{model.id}"
  end

  def extension_allowlist
    %w[jpg png]
  end
end
