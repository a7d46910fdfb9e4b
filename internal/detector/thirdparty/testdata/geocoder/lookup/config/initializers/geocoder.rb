# The operator picks another lookup: nothing goes to Nominatim.
Geocoder.configure(
  timeout: 3,
  lookup: :here,
  api_key: ENV["GEO_KEY"]
)
