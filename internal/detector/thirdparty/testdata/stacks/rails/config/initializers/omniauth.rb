Rails.application.config.middleware.use OmniAuth::Builder do
  provider :github, ENV["GH_CLIENT"], ENV["GH_SECRET"], scope: "user:email" # want: third-party github
  provider :developer unless Rails.env.production?
end
