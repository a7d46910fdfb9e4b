class User < ApplicationRecord
  devise :database_authenticatable, :recoverable
  has_many :projects
end
