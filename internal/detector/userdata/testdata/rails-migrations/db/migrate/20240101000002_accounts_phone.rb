class AccountsPhone < ActiveRecord::Migration[7.1]
  def change
    add_column :accounts, :phone_number, :string, null: true
  end
end
