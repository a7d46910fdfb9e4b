# A document that belongs to a member is the member's, whatever it holds.
# want: asset user-data Reminder due_at,repeat
module Planner
  class Reminder
    include Mongoid::Document

    field :due_at, type: Time
    field :repeat, type: Integer

    belongs_to :member
  end
end
