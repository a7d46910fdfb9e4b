package org.board.api;

public class Enrolment {
}
