# The way down recreates a table the way up drops: that is the past.
class DropLeads < ActiveRecord::Migration[7.1]
  def up
    drop_table :leads
  end

  def down
    create_table :leads do |t|
      t.string :email
    end
  end
end
