# Lookalike: a token checked only when the request sends one; a caller
# without it goes on to the feed.
class FeedsController < ActionController::Base
  before_action :token_user

  def index
    render json: Feed.recent
  end

  private

  def token_user
    if request.headers["Authorization"].present?
      authenticate_or_request_with_http_token do |token|
        @user = User.find_by(api_token: token)
      end
    end
  end
end
