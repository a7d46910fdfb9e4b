class Archive < ApplicationRecord
  # Each archive keeps its files under the folder an admin typed.
  def storage
    Shrine::Storage::FileSystem.new root_path # want: store filesystem Local upload folder
  end
end
