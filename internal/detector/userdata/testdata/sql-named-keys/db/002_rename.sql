ALTER TABLE accountConfirmCodes RENAME TO confirmCodes;

-- A column renamed in a later migration: the model has its new name.
-- want: asset user-data invites inviteToken
ALTER TABLE invites RENAME COLUMN inviteHex TO inviteToken;
