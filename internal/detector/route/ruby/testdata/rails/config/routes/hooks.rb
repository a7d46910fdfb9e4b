# Drawn into the app's routes by draw :hooks.
post "hooks/:provider" => "hooks#receive" # want: POST /hooks/{provider}
