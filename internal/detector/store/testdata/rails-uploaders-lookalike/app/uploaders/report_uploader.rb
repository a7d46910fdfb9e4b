# Fog is chosen, but no provider is configured anywhere in the tree.
class ReportUploader < CarrierWave::Uploader::Base
  storage :fog

  def store_dir
    "reports"
  end
end
