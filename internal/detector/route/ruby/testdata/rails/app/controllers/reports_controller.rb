# Lookalikes: a filter that loads a record and one named like a guard
# that only logs. Neither turns a caller away.
class ReportsController < ApplicationController
  before_action :load_report
  before_action :authorize_viewer

  def show
    render json: @report
  end

  private

  def load_report
    @report = Report.find(params[:id])
  end

  def authorize_viewer
    Rails.logger.info("report #{params[:id]} viewed")
  end
end
