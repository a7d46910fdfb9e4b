# Ruby's HTTP clients called with a fixed host, with parentheses or
# without, and clients made for one base URL.
class PartsLookup
  BASE = "https://feed.quarrydata.com"

  def items(query)
    HTTParty.get "https://api.partsbin.io/v1/items", query: {q: query} # want: third-party partsbin.io
  end

  def fetch(path)
    connection = Faraday.new do |builder|
      builder.response :json
    end
    connection.get("https://api.spindlehub.net/#{path}", {}, {Accept: "application/json"}) # want: third-party spindlehub.net
  end

  def graph
    @graph ||= Graphlient::Client.new("https://gql.boltcatalog.net/graphql", # want: third-party boltcatalog.net
      headers: {"Authorization" => "Bearer x"})
  end

  def feed
    Net::HTTP.get(URI("#{BASE}/latest.json")) # want: third-party quarrydata.com
  end

  def stock
    Faraday.new(url: "https://stock.widgetyard.org", headers: {}) # want: third-party widgetyard.org
  end

  # Lookalikes: a URL the caller names, a link, a log line, a cache key
  # and a commented-out call send nothing to a fixed host.
  def proxy(params)
    connection = Faraday.new
    connection.get(params[:url])
  end

  def links
    logger.info "see https://status.nowhere-near.io for outages"
    cache.get "https://cachekey.lookalike.io/entry"
    redirect_to "https://www.sign-in-elsewhere.com/login"
    # HTTParty.get "https://api.commented-out.io/v1"
    {help: "https://docs.helpful-pages.io"}
  end
end
