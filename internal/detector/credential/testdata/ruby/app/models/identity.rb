# Lookalike: a user's own credentials column is no app secret.
class Identity < ApplicationRecord
  def github_token
    user.credentials.dig(:github, :token)
  end
end
