module Api
  class TokensController < ActionController::API
    before_action :check_token

    def show
      render json: ApiToken.find(params[:id])
    end

    private

    def check_token
      return if request.headers["X-Api-Token"] == ENV["API_TOKEN"]

      render json: { error: "unauthorized" }, status: :unauthorized
    end
  end
end
