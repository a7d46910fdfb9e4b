# Not an API: a class whose own DSL has get and resource calls.
class Poller < Scheduler::Base
  resource :feeds do
    get "/latest" do
      fetch_latest
    end
  end
end
