CarrierWave.configure do |config|
  config.storage = :file
  config.permissions = 0o644
end
