class Invoice < ApplicationRecord
  has_one_attached :scan
end
