// Test-only access to internals for the external test package.
package store

// InjectRatingFault makes SaveRating on s fail with err after the rating row
// is written and before commit; nil clears it.
func InjectRatingFault(s Store, err error) { s.(*sqlStore).faultAfterRating = err }
