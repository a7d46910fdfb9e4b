require 'sinatra/base'

class StatusApi < Sinatra::Base
  use Rack::Auth::Basic, "status" do |user, pass|
    user == ENV["STATUS_USER"] && pass == ENV["STATUS_PASS"]
  end

  get '/status' do # want: GET /status
    json ok: true
  end
end
