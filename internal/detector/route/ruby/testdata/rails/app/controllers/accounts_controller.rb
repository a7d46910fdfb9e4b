class AccountsController < ApplicationController
  include Authentication

  def show
  end

  def update
    current_user.update(params.require(:user).permit(:name))
  end
end
