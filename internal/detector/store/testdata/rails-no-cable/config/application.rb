require_relative "boot"

require "rails"
require "active_record/railtie"
require "active_job/railtie"
require "action_controller/railtie"
require "action_view/railtie"
# Lookalike: Action Cable is left out, so cable.yml's Redis is no store.
# require "action_cable/engine"

module Board
  class Application < Rails::Application
    config.load_defaults 8.0
  end
end
