ActiveRecord::Schema[7.1].define(version: 2019_01_01_000000) do
  create_table "people", force: :cascade do |t|
    t.string "nickname"
  end
end
