# A Rails app whose records carry a public id in a column named token,
# filled from a TypeID by a concern (app/models/concerns/public_id.rb): a
# category with only that id is no one's data. A webhook's signing secret,
# on a row no one owns, is still a stored secret: the app's credential,
# not a person's data.
# want: asset user-data accounts email,password_digest
# want: asset credentials webhook_endpoints signing_secret
ActiveRecord::Schema[8.0].define(version: 2025_01_01_000000) do
  create_table "accounts", force: :cascade do |t|
    t.string "email", null: false
    t.string "password_digest", null: false
    t.datetime "created_at", null: false
  end

  create_table "sections", force: :cascade do |t|
    t.string "title", null: false
    t.string "token", null: false
    t.index ["token"], unique: true
  end

  create_table "webhook_endpoints", force: :cascade do |t|
    t.string "url", null: false
    t.string "signing_secret", null: false
  end
end
