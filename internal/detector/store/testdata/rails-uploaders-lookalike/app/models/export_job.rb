# Not an uploader: a job class outside the uploaders folder with the same DSL word.
class ExportUploader < BaseUploader
  storage :file
end
