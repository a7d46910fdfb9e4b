class Broken < ActiveRecord::Migration[7.1]
  def change
    create_table :half do |t|
      t.string :colour
