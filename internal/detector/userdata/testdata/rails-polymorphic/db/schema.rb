# Polymorphic owners: a pair of columns (owner_type, owner_id) names its
# owner's class, and the model classes say which classes may be named.
# want: asset user-data users email,encrypted_password
# Pay's customers: the user model's concern calls the gem's pay_customer,
# its has_many :pay_customers, as: :owner.
# want: asset user-data pay_customers owner_type,processor
# A charge holds a declared key to a customer: it follows the customer.
# want: asset user-data pay_charges amount_refunded,created_at
# Noticed's notifications: the user model has_many them as: :recipient.
# want: asset user-data notifications params,read_at,recipient_type
# Lookalikes: comments whose commentable may only be a post (no user owns
# posts), and taggings whose taggable no model declares.
ActiveRecord::Schema[7.1].define(version: 2024_05_01_000000) do
  create_table "users", force: :cascade do |t|
    t.string "email", null: false
    t.string "encrypted_password", null: false
    t.datetime "created_at", null: false
  end

  create_table "pay_customers", force: :cascade do |t|
    t.string "owner_type"
    t.bigint "owner_id"
    t.string "processor", null: false
    t.string "processor_id"
    t.index ["owner_type", "owner_id"], name: "index_pay_customers_on_owner"
  end

  create_table "pay_charges", force: :cascade do |t|
    t.bigint "customer_id", null: false
    t.integer "amount_refunded"
    t.datetime "created_at", null: false
  end

  create_table "notifications", force: :cascade do |t|
    t.references :recipient, polymorphic: true, null: false
    t.jsonb "params"
    t.datetime "read_at"
  end

  create_table "posts", force: :cascade do |t|
    t.string "title"
    t.integer "views_count"
  end

  create_table "comments", force: :cascade do |t|
    t.references :commentable, polymorphic: true, null: false
    t.integer "rating"
    t.datetime "created_at", null: false
  end

  create_table "taggings", force: :cascade do |t|
    t.string "taggable_type"
    t.bigint "taggable_id"
    t.string "label"
  end

  add_foreign_key "pay_charges", "pay_customers", column: "customer_id"
end
