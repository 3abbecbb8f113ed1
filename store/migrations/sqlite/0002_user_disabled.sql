-- Accounts can be disabled instead of deleted, so the audit log keeps its
-- actors while a departed reviewer can no longer sign in.
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
