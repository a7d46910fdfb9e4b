class HooksController < ActionController::Base
  skip_forgery_protection

  def receive
    HookJob.perform_later(params[:provider], request.raw_post)
    head :ok
  end
end
