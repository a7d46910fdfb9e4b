# Columns a later step removes are no longer the table's.
class AccountsTrim < ActiveRecord::Migration[7.1]
  def change
    change_table :accounts do |t|
      t.remove :birth_date, :fax_phone
    end
    remove_columns :accounts, :ssn
  end
end
