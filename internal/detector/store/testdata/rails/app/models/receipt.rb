class Receipt < ApplicationRecord
  belongs_to :user
  has_one_attached :scan
end
