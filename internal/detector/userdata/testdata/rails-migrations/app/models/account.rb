class Account < ApplicationRecord
  has_many :stamps, as: :stampable
end
