module Portal
  class InvoicesController < BaseController
    def index
      @invoices = current_member.invoices
    end
  end
end
