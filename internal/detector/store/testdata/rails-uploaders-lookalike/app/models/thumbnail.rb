class Thumbnail
  # Kept in memory for the request only.
  STORAGE = Shrine::Storage::Memory.new
end
