module Kiosk
  # Lookalike: the redirect is taken when a member IS signed in (they are
  # sent on to their invoices); everyone else is let through.
  class BaseController < ApplicationController
    before_filter :skip_signed_in

    private

    def skip_signed_in
      redirect_to portal_invoices_url if session[:member_id]
    end
  end
end
