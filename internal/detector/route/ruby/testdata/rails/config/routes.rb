Rails.application.routes.draw do
  root "pages#home" # want: GET /

  devise_for :users # want: GET /users/sign_in; POST /users/sign_in; DELETE /users/sign_out; GET /users/password/new; GET /users/password/edit; PATCH /users/password; PUT /users/password; POST /users/password
  # The paths follow path: and path_names:, the sign-in handled by the
  # app's own controller.
  devise_for :admins, path: "staff", controllers: { sessions: "admins/sessions" }, # want: GET /staff/login; POST /staff/login; DELETE /staff/logout
             path_names: { sign_in: "login", :sign_out => "logout", registration: "account", sign_up: "join" } # want: GET /staff/account/cancel; GET /staff/account/join; GET /staff/account/edit; PATCH /staff/account; PUT /staff/account; DELETE /staff/account; POST /staff/account

  get "login" => "sessions#new" # want: GET /login
  post "login", to: "sessions#create" # want: POST /login

  resources :projects, only: [:index, :show, :update] do # want: GET /projects; GET /projects/{id}; PATCH /projects/{id}; PUT /projects/{id}
    member do
      post :archive # want: POST /projects/{id}/archive
    end
    collection { get :search } # want: GET /projects/search
    resources :tasks, except: %i[new edit destroy] # want: GET /projects/{project_id}/tasks; POST /projects/{project_id}/tasks; GET /projects/{project_id}/tasks/{id}; PATCH /projects/{project_id}/tasks/{id}; PUT /projects/{project_id}/tasks/{id}
  end

  resource :account, only: [:show, :update] # want: GET /account; PATCH /account; PUT /account

  resources :reports, only: :show # want: GET /reports/{id}
  resources :feeds, only: :index # want: GET /feeds

  namespace :admin do
    resources :users, only: [:index, :destroy] # want: GET /admin/users; DELETE /admin/users/{id}
    get "stats", to: "dashboard#stats" # want: GET /admin/stats
  end

  namespace :portal do
    resources :invoices, only: :index # want: GET /portal/invoices
  end

  namespace :kiosk do
    resource :screen, only: :show # want: GET /kiosk/screen
  end

  scope "/v1", module: "api" do
    constraints(format: :json) do
      get "tokens/:id(.:format)" => "tokens#show" # want: GET /v1/tokens/{id}
    end
  end

  authenticate :user do
    mount Sidekiq::Web => "/sidekiq" # want: ANY /sidekiq
  end

  match "legacy/ping", to: "pages#ping", via: [:get, :post] # want: GET /legacy/ping; POST /legacy/ping

  draw :hooks
end
