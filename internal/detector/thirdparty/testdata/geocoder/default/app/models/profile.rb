# The gem's default lookup: a city typed by the user goes to Nominatim.
class Profile < ApplicationRecord
  def place
    Geocoder.search(city).first
  end
end
