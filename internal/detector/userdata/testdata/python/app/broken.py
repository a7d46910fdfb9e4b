class Half(Base):  # want: asset user-data Half email
    email = Column(String
    def (
