# A test's calls are no product's.
RSpec.describe PartsLookup do
  it "fetches" do
    HTTParty.get "https://api.only-in-tests.io/v1"
  end
end
