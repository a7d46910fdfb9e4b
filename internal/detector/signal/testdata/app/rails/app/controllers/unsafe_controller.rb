# Code weaknesses in a Rails controller, each beside a lookalike that
# keeps the request's value out of the SQL, the shell or the code run.
class UnsafeController < ApplicationController
  def search
    Item.where("name LIKE '%#{params[:q]}%'") # want: weakness sql-injection
    Item.where("name LIKE ?", "%#{params[:q]}%")
    Item.find_by_sql("SELECT * FROM items WHERE id = " + params[:id]) # want: weakness sql-injection
  end

  def convert
    system("convert #{params[:file]} out.png") # want: weakness command-injection
    system("convert", params[:file], "out.png")
    `ls #{params[:dir]}` # want: weakness command-injection
  end

  def dispatch_action
    Item.public_send(params[:m]) # want: weakness code-injection
    params[:kind].classify.constantize.new # want: weakness code-injection
    Item.public_send(:count)
  end

  def preview
    render inline: "<p>#{params[:name]}</p>" # want: weakness template-injection
  end

  def bio
    @bio = params[:bio].html_safe # want: weakness xss
    @safe = h(params[:bio])
  end

  def back
    redirect_to params[:return_to] # want: weakness open-redirect
  end

  def home
    redirect_to item_path(params[:id])
  end

  def create
    Item.create(params[:item]) # want: weakness mass-assignment
    Item.create(params.require(:item).permit(:name))
  end

  def update
    Item.find(params[:id]).update(params.permit!) # want: weakness mass-assignment
  end
end
