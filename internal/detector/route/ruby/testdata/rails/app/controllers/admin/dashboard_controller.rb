module Admin
  class DashboardController < BaseController
    def stats
      render json: { users: User.count }
    end
  end
end
