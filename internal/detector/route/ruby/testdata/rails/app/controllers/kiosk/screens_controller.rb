module Kiosk
  class ScreensController < BaseController
    def show
      render :show
    end
  end
end
