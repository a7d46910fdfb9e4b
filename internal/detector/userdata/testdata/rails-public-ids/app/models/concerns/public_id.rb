module PublicId
  extend ActiveSupport::Concern

  included do
    after_initialize do
      self.token ||= TypeID.new(self.class.to_s.underscore) if new_record?
    end
  end
end
