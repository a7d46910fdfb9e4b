# A Rails app's live schema: the tables, their columns and keys.
# want: asset user-data members email,encrypted_password,reset_password_token
# want: asset user-data watches created_at,note_count
# want: asset user-data deliveries created_at,sent
# want: asset user-data invoices card_last4
ActiveRecord::Schema[8.0].define(version: 2025_01_01_000000) do
  create_table "members", force: :cascade do |t|
    t.string "email", default: "", null: false
    t.string "encrypted_password", default: "", null: false
    t.string "reset_password_token"
    t.datetime "created_at", null: false
  end

  create_table "watches", force: :cascade do |t|
    t.references :member, null: false, foreign_key: true
    t.bigint "feed_id"
    t.integer "note_count"
    t.datetime "created_at", null: false
  end

  # Owned through its watch, by Rails' naming alone: no declared key.
  create_table "deliveries", force: :cascade do |t|
    t.bigint "watch_id"
    t.boolean "sent", default: false
    t.datetime "created_at", null: false
  end

  create_table "invoices", id: :uuid, force: :cascade do |t|
    t.string "card_last4"
    t.bigint "owner_id"
  end

  # Public data copied from a code host: the author's login and the
  # repository's name, no relation to a member.
  create_table "feeds", force: :cascade do |t|
    t.string "user_name"
    t.string "full_name"
    t.text "notes"
  end

  create_table "entries", force: :cascade do |t|
    t.bigint "feed_id"
    t.string "user_name"
    t.string "html_url"
  end

  # A key that is a string is no key to a table with integer ids.
  create_table "imports", force: :cascade do |t|
    t.string "watch_id"
    t.string "status"
  end

  add_foreign_key "watches", "members"
  add_foreign_key "invoices", "members", column: "owner_id"
end
