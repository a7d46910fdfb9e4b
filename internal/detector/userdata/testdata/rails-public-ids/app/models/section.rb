class Section < ApplicationRecord
  include PublicId

  def to_param = token
end
