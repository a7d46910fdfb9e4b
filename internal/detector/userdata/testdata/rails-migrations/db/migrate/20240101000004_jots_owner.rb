class JotsOwner < ActiveRecord::Migration[7.1]
  def change
    add_reference :jots, :account, null: false, foreign_key: true
    rename_table :jots, :scribbles
  end
end
