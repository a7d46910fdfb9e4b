package com.example.notes

const val API = "/api"

object Routes {
    const val NOTES = "$API/notes"
}
