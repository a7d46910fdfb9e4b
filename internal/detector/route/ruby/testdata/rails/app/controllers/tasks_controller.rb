class TasksController < ApplicationController
  include Authentication

  def index
    @tasks = Task.where(project_id: params[:project_id])
  end

  def create
    @task = Task.new(params[:task])
    @task.save
  end

  def show
    @task = Task.find(params[:id])
  end

  def update
    Task.find(params[:id]).update(params.require(:task).permit(:title))
  end
end
