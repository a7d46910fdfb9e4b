SEARCH_BACKEND = "postgres"
