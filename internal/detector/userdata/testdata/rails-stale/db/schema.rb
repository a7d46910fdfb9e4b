# want: asset user-data people email
ActiveRecord::Schema[7.1].define(version: 2024_06_01_000000) do
  create_table "people", force: :cascade do |t|
    t.string "email"
  end
end
