module Api
  class NotesController < ApplicationController
    skip_before_action :authenticate_user!

    # The guard is skipped, but the note is built with the signed-in
    # user's id: with nobody signed in current_user is nil and the
    # action fails before it saves.
    def create
      note = Note.new(note_params)
      if note.save
        render json: note, status: :created
      else
        render json: note.errors, status: :unprocessable_entity
      end
    end

    private

    def note_params
      params.require(:note).permit(:text).merge(user_id: current_user.id, card_id: params[:card_id])
    end
  end
end
