# Lookalike: a plain class with its own field DSL is no Mongoid document.
class Shelf
  include Shelving::Fields

  field :address
  field :email
end
