class Palette < ApplicationRecord
  has_many :pins, as: :pinnable
end
