CarrierWave.configure do |config|
  config.fog_credentials = {
    provider: "Google", # want: store gcs GCS bucket team-media
    google_project: ENV["GCP_PROJECT"]
  }
  config.fog_directory = "team-media"
end
