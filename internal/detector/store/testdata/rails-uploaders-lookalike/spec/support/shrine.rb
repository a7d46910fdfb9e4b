Shrine.storages = {cache: Shrine::Storage::FileSystem.new("tmp/spec-cache"), store: Shrine::Storage::Memory.new}
