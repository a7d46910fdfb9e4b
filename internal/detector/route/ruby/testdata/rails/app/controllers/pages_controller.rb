class PagesController < ApplicationController
  def home
    render :home
  end

  def ping
    head :ok
  end
end
