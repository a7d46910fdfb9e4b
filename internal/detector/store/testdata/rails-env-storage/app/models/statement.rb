class Statement < ApplicationRecord
  has_many_attached :pages
end
