# Jots get their owner in a later migration, and a new name after that.
# want: asset user-data scribbles content
class CreateJots < ActiveRecord::Migration[7.1]
  def change
    create_table(:jots) do |t|
      t.text :content
      t.timestamps
    end
  end
end
