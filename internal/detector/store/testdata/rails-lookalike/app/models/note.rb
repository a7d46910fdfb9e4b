class Note < ApplicationRecord
  # attachments were dropped: has_one_attached :file
  belongs_to :user
end
