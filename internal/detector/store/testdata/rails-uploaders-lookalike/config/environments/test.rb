Rails.application.configure do
  Shrine.storages[:store] = Shrine::Storage::FileSystem.new("tmp/test-store")
end
