CarrierWave.configure do |config|
  config.fog_credentials = {provider: "Local", local_root: "/srv/fog"}
end
