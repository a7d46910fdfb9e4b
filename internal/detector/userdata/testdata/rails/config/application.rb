module Reader
  class Application < Rails::Application
    config.load_defaults 8.0
    # config.active_record.schema_format = :sql
  end
end
