# Lookalike: a folder the code only reads from.
class LogTail
  LOG_DIR = Rails.root.join("log").freeze

  def last(n)
    File.read(LOG_DIR.join("production.log")).lines.last(n)
  end
end

# Lookalike: one file the app refreshes is no folder of records.
class Blocklist
  FILE = Rails.root.join("storage", "blocklist.conf").freeze
  SRC = Rails.root.join("storage/blocklist.conf").freeze

  def refresh(body)
    File.write(SRC, body)
    FILE
  end
end
