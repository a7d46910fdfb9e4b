# The schema a deploy regenerates is in the tree: it is what the
# migrations built, and they are not read again.
# want: asset user-data people email
ActiveRecord::Schema[7.1].define(version: 2024_01_01_000002) do
  create_table "people", force: :cascade do |t|
    t.string "email"
  end
end
