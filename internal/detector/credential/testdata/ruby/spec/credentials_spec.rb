# A test reads what the product needs in tests only.
RSpec.describe "keys" do
  it { expect(Rails.application.credentials.dig(:openai, :api_key)).to be_present }
end
