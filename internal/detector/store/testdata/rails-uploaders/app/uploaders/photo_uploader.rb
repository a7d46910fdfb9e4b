# Derives from the app's own base uploader, which derives from CarrierWave's.
class PhotoUploader < AvatarUploader
  storage :file # want: store filesystem Local folder public/uploads/photos/

  def store_dir
    "/uploads/photos/#{model.id}"
  end
end
