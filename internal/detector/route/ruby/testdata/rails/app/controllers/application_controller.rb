class ApplicationController < ActionController::Base
  protect_from_forgery with: :exception
  # Sets the locale for every page: a filter that rejects no one.
  before_action :set_locale

  private

  def set_locale
    I18n.locale = params[:locale] || I18n.default_locale
  end
end
