# Only timeouts and the IP lookup are set: street addresses still go to
# the default lookup.
Geocoder.configure(
  timeout: 3,
  ip_lookup: :ipinfo_io,
  units: :km
)
