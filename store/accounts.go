// Users and sessions, shared by both backends.
package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

const userCols = "id, name, role, password_hash, disabled, created_at"

func scanUser(r row) (User, error) {
	var u User
	var role string
	err := r.Scan(&u.ID, &u.Name, &role, &u.PasswordHash, &u.Disabled, &u.CreatedAt)
	u.Role = Role(role)
	u.CreatedAt = u.CreatedAt.UTC()
	return u, err
}

func (s *sqlStore) CreateUser(ctx context.Context, u User) (User, error) {
	if err := u.validate(); err != nil {
		return User{}, fmt.Errorf("store: create user: %w", err)
	}
	u.Name = strings.TrimSpace(u.Name)
	u.CreatedAt = s.clock()
	err := s.db.queryRow(ctx,
		"INSERT INTO users (name, role, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
		u.Name, string(u.Role), u.PasswordHash, u.Disabled, u.CreatedAt).Scan(&u.ID)
	if err != nil {
		return User{}, fmt.Errorf("store: create user %q: %w", u.Name, err)
	}
	return u, nil
}

func (s *sqlStore) GetUser(ctx context.Context, id int64) (User, error) {
	u, err := scanUser(s.db.queryRow(ctx, "SELECT "+userCols+" FROM users WHERE id = $1", id))
	if err != nil {
		return User{}, fmt.Errorf("store: user %d: %w", id, err)
	}
	return u, nil
}

func (s *sqlStore) GetUserByName(ctx context.Context, name string) (User, error) {
	u, err := scanUser(s.db.queryRow(ctx, "SELECT "+userCols+" FROM users WHERE lower(name) = lower($1)", strings.TrimSpace(name)))
	if err != nil {
		return User{}, fmt.Errorf("store: user %q: %w", name, err)
	}
	return u, nil
}

func (s *sqlStore) ListUsers(ctx context.Context) ([]User, error) {
	rs, err := s.db.query(ctx, "SELECT "+userCols+" FROM users ORDER BY id")
	us, err := collect(rs, err, scanUser)
	if err != nil {
		return nil, fmt.Errorf("store: list users: %w", err)
	}
	return us, nil
}

func (s *sqlStore) SetPasswordHash(ctx context.Context, userID int64, hash []byte) error {
	if err := checkPasswordHash(hash); err != nil {
		return fmt.Errorf("store: set password of user %d: %w", userID, err)
	}
	err := s.inTx(ctx, func(t tx) error {
		n, err := t.exec(ctx, "UPDATE users SET password_hash = $1 WHERE id = $2", hash, userID)
		if err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		_, err = t.exec(ctx, "DELETE FROM sessions WHERE user_id = $1", userID)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set password of user %d: %w", userID, err)
	}
	return nil
}

func (s *sqlStore) SetUserDisabled(ctx context.Context, userID int64, disabled bool) error {
	err := s.inTx(ctx, func(t tx) error {
		n, err := t.exec(ctx, "UPDATE users SET disabled = $1 WHERE id = $2", disabled, userID)
		if err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		if disabled {
			_, err = t.exec(ctx, "DELETE FROM sessions WHERE user_id = $1", userID)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set disabled=%t for user %d: %w", disabled, userID, err)
	}
	return nil
}

func (s *sqlStore) SetUserRole(ctx context.Context, userID int64, role Role) error {
	if !role.Valid() {
		return fmt.Errorf("store: set role of user %d: %w", userID, invalid("role %q is not admin or reviewer", role))
	}
	n, err := s.db.exec(ctx, "UPDATE users SET role = $1 WHERE id = $2", string(role), userID)
	if err == nil && n == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: set role of user %d: %w", userID, err)
	}
	return nil
}

func (s *sqlStore) CreateSession(ctx context.Context, sess Session) error {
	if err := sess.validate(); err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	if sess.CreatedAt.IsZero() {
		sess.CreatedAt = s.clock()
	}
	_, err := s.db.exec(ctx,
		"INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
		sess.TokenHash, sess.UserID, sess.CSRFToken, ts(sess.CreatedAt), ts(sess.ExpiresAt))
	if err != nil {
		return fmt.Errorf("store: create session for user %d: %w", sess.UserID, err)
	}
	return nil
}

func (s *sqlStore) GetSession(ctx context.Context, tokenHash []byte, now time.Time) (Session, User, error) {
	var sess Session
	var u User
	var role string
	err := s.db.queryRow(ctx, `
		SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at,
		       u.id, u.name, u.role, u.password_hash, u.disabled, u.created_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`, tokenHash, ts(now)).Scan(
		&sess.TokenHash, &sess.UserID, &sess.CSRFToken, &sess.CreatedAt, &sess.ExpiresAt,
		&u.ID, &u.Name, &role, &u.PasswordHash, &u.Disabled, &u.CreatedAt)
	if err != nil {
		// The token is a credential: never echo it, even hashed.
		return Session{}, User{}, fmt.Errorf("store: session: %w", err)
	}
	u.Role = Role(role)
	sess.CreatedAt, sess.ExpiresAt, u.CreatedAt = sess.CreatedAt.UTC(), sess.ExpiresAt.UTC(), u.CreatedAt.UTC()
	return sess, u, nil
}

func (s *sqlStore) DeleteSession(ctx context.Context, tokenHash []byte) error {
	n, err := s.db.exec(ctx, "DELETE FROM sessions WHERE token_hash = $1", tokenHash)
	if err == nil && n == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

func (s *sqlStore) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	n, err := s.db.exec(ctx, "DELETE FROM sessions WHERE expires_at <= $1", ts(now))
	if err != nil {
		return 0, fmt.Errorf("store: delete expired sessions: %w", err)
	}
	return n, nil
}
