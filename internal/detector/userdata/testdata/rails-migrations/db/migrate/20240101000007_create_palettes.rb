# Nothing personal, no owner: no asset.
class CreatePalettes < ActiveRecord::Migration[7.1]
  def change
    create_table :palettes do |t|
      t.string :name
      t.string :hex_colour
    end
  end
end
