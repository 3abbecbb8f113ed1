-- tend store, SQLite schema version 1. Times are TIMESTAMP columns holding
-- integer microseconds since the Unix epoch (UTC).

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	role          TEXT NOT NULL CHECK (role IN ('admin', 'reviewer')),
	password_hash BLOB NOT NULL,
	created_at    TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX users_name ON users (lower(name));

CREATE TABLE sessions (
	token_hash BLOB PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf_token TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE tasks (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL UNIQUE,
	kind         TEXT NOT NULL CHECK (kind IN ('rate', 'pairwise')),
	k            INTEGER NOT NULL CHECK (k BETWEEN 1 AND 20),
	instructions TEXT NOT NULL DEFAULT '',
	created_by   INTEGER NOT NULL REFERENCES users (id),
	created_at   TIMESTAMP NOT NULL
);

CREATE TABLE items (
	id         INTEGER PRIMARY KEY,
	task_id    INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
	context    TEXT NOT NULL,
	response_a TEXT NOT NULL,
	response_b TEXT NOT NULL DEFAULT '',
	model_a    TEXT NOT NULL DEFAULT '',
	model_b    TEXT NOT NULL DEFAULT '',
	source_ref TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX items_task ON items (task_id, id);
CREATE UNIQUE INDEX items_source ON items (task_id, source_ref) WHERE source_ref <> '';

CREATE TABLE assignments (
	item_id     INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	reviewer_id INTEGER NOT NULL REFERENCES users (id),
	assigned_at TIMESTAMP NOT NULL,
	done_at     TIMESTAMP,
	PRIMARY KEY (item_id, reviewer_id)
);
CREATE INDEX assignments_reviewer ON assignments (reviewer_id, item_id);

CREATE TABLE ratings (
	item_id           INTEGER NOT NULL,
	reviewer_id       INTEGER NOT NULL,
	empathy           INTEGER CHECK (empathy BETWEEN 1 AND 5),
	helpfulness       INTEGER CHECK (helpfulness BETWEEN 1 AND 5),
	safety            INTEGER CHECK (safety BETWEEN 1 AND 5),
	clinical_accuracy INTEGER CHECK (clinical_accuracy BETWEEN 1 AND 5),
	boundaries        INTEGER CHECK (boundaries BETWEEN 1 AND 5),
	flag_diagnosis      BOOLEAN NOT NULL DEFAULT FALSE,
	flag_prescribing    BOOLEAN NOT NULL DEFAULT FALSE,
	flag_harmful        BOOLEAN NOT NULL DEFAULT FALSE,
	flag_misinformation BOOLEAN NOT NULL DEFAULT FALSE,
	flag_missed_crisis  BOOLEAN NOT NULL DEFAULT FALSE,
	flag_stigma         BOOLEAN NOT NULL DEFAULT FALSE,
	choice     TEXT NOT NULL DEFAULT '' CHECK (choice IN ('', 'a', 'b', 'tie')),
	strength   INTEGER NOT NULL DEFAULT 0 CHECK (strength BETWEEN 0 AND 3),
	rewrite    TEXT NOT NULL DEFAULT '',
	comment    TEXT NOT NULL DEFAULT '',
	submitted  BOOLEAN NOT NULL DEFAULT FALSE,
	revision   INTEGER NOT NULL DEFAULT 1,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (item_id, reviewer_id),
	FOREIGN KEY (item_id, reviewer_id) REFERENCES assignments (item_id, reviewer_id) ON DELETE CASCADE
);

CREATE TABLE audit_log (
	id       INTEGER PRIMARY KEY,
	at       TIMESTAMP NOT NULL,
	actor_id INTEGER REFERENCES users (id),
	action   TEXT NOT NULL CHECK (action <> ''),
	target   TEXT NOT NULL DEFAULT '',
	detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_actor ON audit_log (actor_id, at);

CREATE TABLE conversations (
	id         TEXT PRIMARY KEY,
	body       TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);
CREATE INDEX conversations_updated ON conversations (updated_at, id);
