module Api
  class NotesController < ApplicationController
    skip_before_action :authenticate_user!

    # The user is read safely: with nobody signed in the note is saved
    # with no user.
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
      params.require(:note).permit(:text).merge(user_id: current_user&.id, card_id: params[:card_id])
    end
  end
end
