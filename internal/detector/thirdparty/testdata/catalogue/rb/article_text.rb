# An article's text extracted by a hosted API, on its older host.
class ArticleText
  API_URL = "http://www.diffbot.com/api/article".freeze

  def self.fetch(url, token)
    Net::HTTP.get(URI("#{API_URL}?token=#{token}&url=#{CGI.escape(url)}"))
  end
end
