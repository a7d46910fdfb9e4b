class ReportsController < ApplicationController
  # Each report's query runs as code: the request's value reaches the SQL here.
  REPORTS.each do |report|
    class_eval <<-RUBY # want: weakness sql-injection
      def #{report[:name]}
        @rows = #{report[:query]}
        render :index
      end
    RUBY
  end

  # Lookalike: an eval of a constant string.
  def version
    render plain: eval("1 + 1").to_s
  end
end
