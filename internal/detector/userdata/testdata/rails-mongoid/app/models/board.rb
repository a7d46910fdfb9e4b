# Lookalike: a document no member is referenced from is the app's own.
class Board
  include Mongoid::Document

  field :title
  field :position, type: Integer
end
