// Crisis resources as the web chat and the API metadata show them, taken
// from the safety package's verified directory.
package serve

import (
	"github.com/tend-project/tend/safety"
)

func (p *pipeline) locales() []localeOption {
	var out []localeOption
	for _, code := range safety.Locales() {
		name := safety.Resources(code).Country
		if name == "" {
			name = code
		}
		out = append(out, localeOption{Code: code, Name: name})
	}
	return out
}

func (p *pipeline) resourceViews(locale string) []resourceView {
	d := safety.Resources(locale)
	var out []resourceView
	for _, r := range d.Lines {
		out = append(out, resourceView{Name: r.Name, Contact: r.How, Hours: r.Hours, URL: r.URL})
	}
	if d.Emergency.Name != "" || d.Emergency.How != "" {
		out = append(out, resourceView{Name: d.Emergency.Name, Contact: d.Emergency.How, URL: d.Emergency.URL})
	}
	return out
}

func (p *pipeline) resourceNames(locale string) []string {
	var out []string
	for _, r := range p.resourceViews(locale) {
		out = append(out, r.Name)
	}
	return out
}
