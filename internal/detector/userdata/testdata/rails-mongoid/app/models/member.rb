# Mongoid keeps no schema file: the document class is the collection.
# want: asset user-data Member email,encrypted_password,phone
class Member
  include Mongoid::Document
  include Mongoid::Timestamps

  field :email
  field :phone, type: String
  field :encrypted_password, type: String
  field :admin, type: Boolean, default: false

  has_many :reminders
end
