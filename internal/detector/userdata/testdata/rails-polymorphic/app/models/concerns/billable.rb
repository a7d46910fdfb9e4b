module Billable
  extend ActiveSupport::Concern

  included do
    pay_customer default_payment_processor: :stripe
  end
end
