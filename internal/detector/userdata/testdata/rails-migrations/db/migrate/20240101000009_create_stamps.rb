# Stamps point at any record through a pair; an account owns them
# (app/models/account.rb: has_many :stamps, as: :stampable). Pins point
# the same way at palettes, which no one owns.
# want: asset user-data stamps stampable_type,weight
class CreateStamps < ActiveRecord::Migration[7.1]
  def change
    create_table :stamps do |t|
      t.references :stampable, polymorphic: true, null: false
      t.integer :weight
    end
    create_table :pins do |t|
      t.references :pinnable, polymorphic: true, null: false
      t.integer :position
    end
  end
end
