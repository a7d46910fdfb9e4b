class ProjectsController < ApplicationController
  before_action :authenticate_user!, except: [:index, :search]

  def index
    @projects = Project.where(public: true)
  end

  def search
    @projects = Project.where("name LIKE '%#{params[:q]}%'")
  end

  def show
    @project = current_user.projects.find(params[:id])
  end

  def update
    @project = Project.find(params[:id])
    @project.update(params.permit!)
    redirect_to @project
  end

  def archive
    @project = current_user.projects.find(params[:id])
    @project.update(project_params)
  end

  private

  def project_params
    params.require(:project).permit(:name, :archived)
  end
end
