class Admin < ApplicationRecord
  devise :database_authenticatable, :registerable
end
