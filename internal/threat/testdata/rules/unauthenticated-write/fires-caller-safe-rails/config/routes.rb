Rails.application.routes.draw do
  devise_for :users
  namespace :api do
    resources :cards, only: [] do
      resources :notes, only: [:create]
    end
  end
end
