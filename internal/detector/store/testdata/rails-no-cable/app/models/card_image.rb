# A card image fetched for each post, written into a public folder.
class CardImage
  # want: store filesystem Local folder public/cards/
  DIR = Rails.public_path.join("cards").freeze

  def save(id, bytes)
    FileUtils.mkdir_p(DIR)
    File.open(DIR.join("#{id}.png"), "wb") { |f| f.write(bytes) }
  end
end
