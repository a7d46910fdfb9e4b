class CreatePeople < ActiveRecord::Migration[7.1]
  def change
    create_table :people do |t|
      t.string :email
      t.string :phone_number
    end
    create_table :contacts do |t|
      t.string :email
    end
  end
end
