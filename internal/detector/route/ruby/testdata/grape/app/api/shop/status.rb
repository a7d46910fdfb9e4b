module Shop
  # Served at the root: config.ru runs it, no route mounts it. Its version
  # is read from a header, so it is not in the path.
  class Status < Grape::API
    version "v2", using: :header, vendor: "shop"

    get :ping do # want: GET /ping
      { ok: true }
    end
  end
end
