# A removed column added again is the table's again.
class AccountsBirthDate < ActiveRecord::Migration[7.1]
  def change
    add_column :accounts, :birth_date, :date
  end
end
