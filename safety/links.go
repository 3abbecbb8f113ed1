// Link checks for the unverified_link guard rule: finding URLs in a reply
// and matching them against the caller's allow-list.
package safety

import "strings"

// findURLs returns the byte ranges of http(s) and www. links in s.
func findURLs(s string) [][2]int {
	var out [][2]int
	// Lower-case ASCII only, so offsets in low are offsets in s
	// (strings.ToLower turns an invalid byte into three; FuzzGuardScan).
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	low := string(b)
	for i := 0; i < len(s); {
		j := -1
		for _, p := range []string{"https://", "http://", "www."} {
			if k := strings.Index(low[i:], p); k >= 0 && (j < 0 || i+k < j) {
				j = i + k
			}
		}
		if j < 0 {
			break
		}
		if j > 0 && isURLRune(s[j-1]) && s[j-1] != '(' {
			i = j + 4
			continue
		}
		e := j
		for e < len(s) && isURLRune(s[e]) {
			e++
		}
		for e > j && strings.IndexByte(".,;:!?)'\"", s[e-1]) >= 0 {
			e--
		}
		if e-j > 4 {
			out = append(out, [2]int{j, e})
		}
		i = e + 1
	}
	return out
}

func isURLRune(c byte) bool {
	return c > ' ' && c < 0x7f && c != '<' && c != '>' && c != '"' && c != '\'' && c != '(' && c != ')'
}

// normURL lower-cases the host, drops the scheme, "www." and a trailing
// slash, so "https://www.Samaritans.org/" and "samaritans.org" compare equal.
func normURL(u string) string {
	u = strings.TrimSpace(u)
	low := strings.ToLower(u)
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(low, p) {
			u = u[len(p):]
			low = low[len(p):]
		}
	}
	u = strings.TrimPrefix(u, "www.")
	host, path, _ := strings.Cut(u, "/")
	host = strings.ToLower(host)
	path = strings.TrimRight(path, "/")
	if path == "" {
		return host
	}
	return host + "/" + path
}

// allowed reports whether a link is on the allow-list: an entry allows its
// own URL and everything below it, and a bare host allows the whole site.
func (g *Guard) allowed(link string) bool {
	n := normURL(link)
	for _, a := range g.allow {
		if n == a || strings.HasPrefix(n, a+"/") || strings.HasPrefix(n, a+"?") || strings.HasPrefix(n, a+"#") {
			return true
		}
	}
	return false
}
