require_relative "boot"
require "rails/all"

module Ledger
  class Application < Rails::Application
    config.load_defaults 8.0
    # want: store sidekiq Sidekiq job queue (Redis)
    config.active_job.queue_adapter = :sidekiq
  end
end
