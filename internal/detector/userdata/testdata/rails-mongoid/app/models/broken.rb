class Broken
  include Mongoid::Document
  field :
