EXPORT_API = "https://export.example/v1"
