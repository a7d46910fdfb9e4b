# An app that keeps no db/schema.rb: its tables are what the migrations
# build, in the order their names give.
# want: asset user-data accounts birth_date,crypted_pass,email,phone_number
class CreateAccounts < ActiveRecord::Migration[7.1]
  def change
    create_table :accounts do |t|
      t.string :email, null: false, default: ""
      t.string :crypted_pass, null: false
      t.timestamps null: false
    end
  end
end
