require 'sinatra'
require 'sinatra/namespace'

# Sets the language for every request: a filter that rejects no one.
before do
  @lang = params[:lang] || "en"
end

before '/admin/*' do
  halt 401, "sign in first" unless session[:user_id]
end

helpers do
  def protected!
    return if authorized?

    headers['WWW-Authenticate'] = 'Basic realm="notes"'
    halt 401, "Not authorized\n"
  end

  def authorized?
    @auth ||= Rack::Auth::Basic::Request.new(request.env)
    @auth.provided? && @auth.credentials == [ENV["NOTES_USER"], ENV["NOTES_PASS"]]
  end

  # Named like a guard, only logs.
  def authorize_reader
    logger.info "reader #{request.ip}"
  end
end

get '/' do # want: GET /
  erb :index
end

get '/notes/:id' do # want: GET /notes/{id}
  protected!
  Note.find(params[:id]).to_json
end

get '/public/:id' do # want: GET /public/{id}
  authorize_reader
  Note.find(params[:id]).to_json
end

post '/notes' do # want: POST /notes
  protected!
  Note.create(params[:note]).to_json
end

get '/admin/stats' do # want: GET /admin/stats
  { notes: Note.count }.to_json
end

namespace '/api' do
  get '/ping' do # want: GET /api/ping
    'pong'
  end

  delete '/notes/:id' do # want: DELETE /api/notes/{id}
    protected!
    Note.find(params[:id]).destroy
  end
end

# Lookalike: verbs as ordinary methods of another object.
class Cleanup
  def run(db)
    db.delete "DELETE FROM notes WHERE archived = 1"
    delete "stale"
  end
end
