// Cheap byte scans that the number and link regular expressions cannot
// match without. Each tests a necessary condition of its expression, so
// skipping the expression when the scan fails changes no match; most
// messages (prose with a few digits, sentence full stops) fail them all.
// FuzzScrubPrefilters checks each against its expression.
package data

import "strings"

// hasDigitChain reports a run of n digits with at most one space, dot or
// hyphen between neighbours: the core of rePhone (\d(?:[ .-]?\d){5,22}).
func hasDigitChain(t string, n int) bool {
	run := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if isDigit(c) {
			if run++; run >= n {
				return true
			}
			continue
		}
		if run > 0 && (c == ' ' || c == '.' || c == '-') && i+1 < len(t) && isDigit(t[i+1]) {
			continue
		}
		run = 0
	}
	return false
}

// hasSSNShape reports ddd?dd?dddd with ? a space or hyphen (reSSN).
func hasSSNShape(t string) bool {
	sep := func(c byte) bool { return c == ' ' || c == '-' }
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if !isDigit(s[i]) {
				return false
			}
		}
		return true
	}
	for i := 0; i+11 <= len(t); i++ {
		if isDigit(t[i]) && digits(t[i:i+3]) && sep(t[i+3]) && digits(t[i+4:i+6]) && sep(t[i+6]) && digits(t[i+7:i+11]) {
			return true
		}
	}
	return false
}

// hasDigitDotDigit reports a full stop between two digits (reIPv4).
func hasDigitDotDigit(t string) bool {
	for i := 1; i+1 < len(t); i++ {
		if t[i] == '.' && isDigit(t[i-1]) && isDigit(t[i+1]) {
			return true
		}
	}
	return false
}

// hasScheme reports "://" or "www." in any case (reURL).
func hasScheme(t string) bool {
	if strings.Contains(t, "://") {
		return true
	}
	for i := 0; i+4 <= len(t); i++ {
		if t[i]|0x20 == 'w' && t[i+1]|0x20 == 'w' && t[i+2]|0x20 == 'w' && t[i+3] == '.' {
			return true
		}
	}
	return false
}

// domainTLDs are reDomain's top-level domains.
var domainTLDs = strings.Split("com|org|net|edu|gov|io|co|uk|ca|au|nz|ie|de|fr|info|me|ly|app|us|in|za", "|")

// hasTLD reports a full stop followed by one of reDomain's top-level
// domains (in any case) and then a non-word byte or the end.
func hasTLD(t string) bool {
	for i := 0; i+2 < len(t); i++ {
		if t[i] != '.' {
			continue
		}
		for _, d := range domainTLDs {
			j := i + 1 + len(d)
			if j <= len(t) && strings.EqualFold(t[i+1:j], d) && (j == len(t) || !isWordChar(t[j])) {
				return true
			}
		}
	}
	return false
}

// isWordChar is the ASCII word class of \b.
func isWordChar(c byte) bool { return isAlnum(c) || c == '_' }

// ssnMatches is reSSN's matches, skipping the expression when the shape
// is absent.
func ssnMatches(t string) [][]int {
	if !hasSSNShape(t) {
		return nil
	}
	return reSSN.FindAllStringIndex(t, -1)
}
