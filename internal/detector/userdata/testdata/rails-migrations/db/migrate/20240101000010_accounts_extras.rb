class AccountsExtras < ActiveRecord::Migration[7.1]
  def change
    add_column :accounts, :birth_date, :date
    add_column :accounts, :ssn, :string
    add_column :accounts, :fax_phone, :string
  end
end
