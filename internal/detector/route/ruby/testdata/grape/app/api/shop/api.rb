module Shop
  # The shop's API: versioned in the path, items open to all, orders mounted
  # from their own API with the mounting place's path.
  class API < Grape::API
    prefix :api
    version "v1", using: :path
    format :json

    resource :items do
      get do # want: GET /api/v1/items
        Item.all
      end

      route_param :id do
        get do # want: GET /api/v1/items/{id}
          Item.find(params[:id])
        end
      end
    end

    namespace :admin do
      mount Shop::Orders
    end
  end
end
