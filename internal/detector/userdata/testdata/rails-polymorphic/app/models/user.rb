class User < ApplicationRecord
  include Billable

  devise :database_authenticatable
  has_many :notifications, as: :recipient, dependent: :destroy
end
