class Admin::UsersController < Admin::BaseController
  def index
    @users = User.all
  end

  def destroy
    User.find(params[:id]).destroy
  end
end
