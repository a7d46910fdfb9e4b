# A table created and later dropped is no longer where data is kept.
class CreateLeads < ActiveRecord::Migration[7.1]
  def change
    create_table :leads do |t|
      t.string :email
    end
  end
end
