// Ratings: the reviewer's scores, flags, pairwise choice, rewrite and comment
// for one item, autosaved as drafts and finally submitted, shared by both
// backends.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// ratingFields are the columns scanRating reads, in order.
const ratingFields = `item_id, reviewer_id, empathy, helpfulness, safety, clinical_accuracy, boundaries,
	flag_diagnosis, flag_prescribing, flag_harmful, flag_misinformation, flag_missed_crisis, flag_stigma,
	choice, strength, rewrite, comment, submitted, revision, created_at, updated_at`

// ratingCols qualifies ratingFields with the alias r, for joins. (SQLite's
// RETURNING takes only bare column names, so the upsert uses ratingFields.)
var ratingCols = "r." + strings.Join(strings.Fields(strings.ReplaceAll(ratingFields, ",", " ")), ", r.")

func scanRating(rw row) (Rating, error) {
	var r Rating
	var sc [5]sql.NullInt64
	var choice string
	err := rw.Scan(&r.ItemID, &r.ReviewerID, &sc[0], &sc[1], &sc[2], &sc[3], &sc[4],
		&r.Flags.Diagnosis, &r.Flags.Prescribing, &r.Flags.Harmful, &r.Flags.Misinformation, &r.Flags.MissedCrisis, &r.Flags.Stigma,
		&choice, &r.Strength, &r.Rewrite, &r.Comment, &r.Submitted, &r.Revision, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return Rating{}, err
	}
	r.Scores = Scores{int(sc[0].Int64), int(sc[1].Int64), int(sc[2].Int64), int(sc[3].Int64), int(sc[4].Int64)}
	r.Choice = Choice(choice)
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	return r, nil
}

func (s *sqlStore) SaveRating(ctx context.Context, r Rating) (Rating, error) {
	var saved Rating
	err := s.inTx(ctx, func(t tx) error {
		// Lock the assignment: saves of one (item, reviewer) queue here, so
		// revisions count up without gaps.
		var kind string
		var done bool
		err := t.queryRow(ctx, `
			SELECT t.kind, a.done_at IS NOT NULL
			FROM assignments a JOIN items i ON i.id = a.item_id JOIN tasks t ON t.id = i.task_id
			WHERE a.item_id = $1 AND a.reviewer_id = $2`+s.db.lockRow("a"), r.ItemID, r.ReviewerID).Scan(&kind, &done)
		if err != nil {
			return fmt.Errorf("assignment: %w", err)
		}
		if err := r.validate(TaskKind(kind)); err != nil {
			return err
		}
		if done && !r.Submitted {
			return fmt.Errorf("%w: the rating is submitted; a draft may not replace it", ErrConflict)
		}
		now := s.clock()
		sc := r.Scores
		saved, err = scanRating(t.queryRow(ctx, `
			INSERT INTO ratings AS r (item_id, reviewer_id, empathy, helpfulness, safety, clinical_accuracy, boundaries,
				flag_diagnosis, flag_prescribing, flag_harmful, flag_misinformation, flag_missed_crisis, flag_stigma,
				choice, strength, rewrite, comment, submitted, revision, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 1, $19, $19)
			ON CONFLICT (item_id, reviewer_id) DO UPDATE SET
				empathy = excluded.empathy, helpfulness = excluded.helpfulness, safety = excluded.safety,
				clinical_accuracy = excluded.clinical_accuracy, boundaries = excluded.boundaries,
				flag_diagnosis = excluded.flag_diagnosis, flag_prescribing = excluded.flag_prescribing,
				flag_harmful = excluded.flag_harmful, flag_misinformation = excluded.flag_misinformation,
				flag_missed_crisis = excluded.flag_missed_crisis, flag_stigma = excluded.flag_stigma,
				choice = excluded.choice, strength = excluded.strength, rewrite = excluded.rewrite,
				comment = excluded.comment, submitted = excluded.submitted,
				revision = r.revision + 1, updated_at = excluded.updated_at
			RETURNING `+ratingFields,
			r.ItemID, r.ReviewerID,
			nullInt(int64(sc.Empathy)), nullInt(int64(sc.Helpfulness)), nullInt(int64(sc.Safety)),
			nullInt(int64(sc.ClinicalAccuracy)), nullInt(int64(sc.Boundaries)),
			r.Flags.Diagnosis, r.Flags.Prescribing, r.Flags.Harmful, r.Flags.Misinformation, r.Flags.MissedCrisis, r.Flags.Stigma,
			string(r.Choice), r.Strength, r.Rewrite, r.Comment, r.Submitted, now))
		if err != nil {
			return err
		}
		if s.faultAfterRating != nil {
			return s.faultAfterRating
		}
		if !r.Submitted {
			return nil
		}
		if _, err := t.exec(ctx, "UPDATE assignments SET done_at = $1 WHERE item_id = $2 AND reviewer_id = $3 AND done_at IS NULL",
			now, r.ItemID, r.ReviewerID); err != nil {
			return err
		}
		_, err = t.exec(ctx, "INSERT INTO audit_log (at, actor_id, action, target, detail) VALUES ($1, $2, $3, $4, $5)",
			now, r.ReviewerID, "rating.submit", "item:"+strconv.FormatInt(r.ItemID, 10),
			"revision "+strconv.Itoa(saved.Revision))
		return err
	})
	if err != nil {
		return Rating{}, fmt.Errorf("store: save rating of item %d by reviewer %d: %w", r.ItemID, r.ReviewerID, err)
	}
	return saved, nil
}

func (s *sqlStore) GetRating(ctx context.Context, itemID, reviewerID int64) (Rating, error) {
	r, err := scanRating(s.db.queryRow(ctx, "SELECT "+ratingCols+" FROM ratings r WHERE r.item_id = $1 AND r.reviewer_id = $2",
		itemID, reviewerID))
	if err != nil {
		return Rating{}, fmt.Errorf("store: rating of item %d by reviewer %d: %w", itemID, reviewerID, err)
	}
	return r, nil
}

func (s *sqlStore) ListRatings(ctx context.Context, taskID int64) ([]Rating, error) {
	rs, err := s.db.query(ctx, "SELECT "+ratingCols+` FROM ratings r JOIN items i ON i.id = r.item_id
		WHERE i.task_id = $1 ORDER BY r.item_id, r.reviewer_id`, taskID)
	out, err := collect(rs, err, scanRating)
	if err != nil {
		return nil, fmt.Errorf("store: ratings of task %d: %w", taskID, err)
	}
	return out, nil
}
