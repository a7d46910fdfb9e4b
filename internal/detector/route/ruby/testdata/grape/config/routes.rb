Rails.application.routes.draw do
  mount Shop::API => "/"
end
