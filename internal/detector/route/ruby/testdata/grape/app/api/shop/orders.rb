module Shop
  # Orders need a signed-in customer: the before block refuses anyone else.
  class Orders < Grape::API
    helpers do
      def current_user
        @current_user ||= User.find_by(api_token: headers["Authorization"])
      end

      def authenticate!
        error!("401 Unauthorized", 401) unless current_user
      end
    end

    before do
      authenticate!
    end

    resource :orders do
      post do # want: POST /api/v1/admin/orders
        current_user.orders.create!(declared(params))
      end

      delete ":id" do # want: DELETE /api/v1/admin/orders/{id}
        current_user.orders.find(params[:id]).destroy
      end
    end
  end
end
