// The web chat page and the crisis-resource endpoint it uses. The page is
// rendered on the server with the locale's resources already in it, so the
// "Get help now" panel works even if the API or the model is down.
package serve

import (
	"net/http"
	"strings"
)

type pageData struct {
	Locale    string
	Locales   []localeOption
	Resources []resourceView
}

type localeOption struct{ Code, Name string }

type resourceView struct {
	Name    string `json:"name"`
	Contact string `json:"contact"`
	Hours   string `json:"hours,omitempty"`
	URL     string `json:"url,omitempty"`
}

// requestLocale picks the locale from a query parameter or the config,
// normalised to an upper-case country code.
func (s *Server) requestLocale(r *http.Request, fromBody string) string {
	for _, l := range []string{fromBody, r.URL.Query().Get("locale")} {
		if l = strings.ToUpper(strings.TrimSpace(l)); l != "" && len(l) <= 8 {
			return l
		}
	}
	return s.cfg.Locale
}

func (s *Server) handleChatPage(w http.ResponseWriter, r *http.Request) {
	loc := s.requestLocale(r, "")
	data := pageData{Locale: loc, Locales: s.pipe.locales(), Resources: s.pipe.resourceViews(loc)}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.page.Execute(w, data); err != nil {
		s.log.Error("chat page", "err", err)
	}
}

func (s *Server) handleResources(w http.ResponseWriter, r *http.Request) error {
	loc := s.requestLocale(r, "")
	return writeJSON(w, map[string]any{"locale": loc, "resources": s.pipe.resourceViews(loc)})
}
