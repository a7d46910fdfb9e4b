module Portal
  # Declared once here and inherited: the check sends a caller who is not
  # signed in back to the front page (not a login page) and drops the
  # session.
  class BaseController < ApplicationController
    before_action :signed_in, :track_visit

    private

    def current_member
      @current_member ||= Member.find_by(id: session[:member_id].to_s)
    end

    def signed_in
      back = request.fullpath.present? ? root_url(next: request.fullpath) : root_url
      redirect_to back and reset_session if !current_member
    end

    def track_visit
      Visit.create(ip: request.remote_ip)
    end
  end
end
