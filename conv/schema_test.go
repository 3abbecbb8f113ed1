// Checks that the JSON Schemas in docs/schema agree with the Go types: the
// same field names at every level, the same enums as Concerns, Strategies
// and Failures, and the same verdict as Validate on a table of records. The
// schemas use a small subset of draft 2020-12, checked here by a minimal
// validator so the test needs no third-party library.
package conv

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type schemaSet map[string]map[string]any // file name → schema document

func loadSchemas(t *testing.T) schemaSet {
	t.Helper()
	set := schemaSet{}
	for _, name := range []string{"conversation.schema.json", "preference_pair.schema.json"} {
		b, err := os.ReadFile(filepath.Join("..", "docs", "schema", name))
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema is %v, want draft 2020-12", name, doc["$schema"])
		}
		set[name] = doc
	}
	return set
}

// resolve follows a $ref (local "#/$defs/x" or "file.json#/$defs/x").
func (s schemaSet) resolve(file string, node map[string]any) (string, map[string]any) {
	for {
		ref, ok := node["$ref"].(string)
		if !ok {
			return file, node
		}
		target, pointer, _ := strings.Cut(ref, "#")
		if target != "" {
			file = target
		}
		cur := any(s[file])
		for _, part := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
			if part != "" {
				cur = cur.(map[string]any)[part]
			}
		}
		node = cur.(map[string]any)
	}
}

// jsonFields lists a struct's JSON field names and whether each omits empty.
func jsonFields(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		out[name] = strings.Contains(opts, "omitempty")
	}
	return out
}

// checkStruct compares a Go struct with a schema object, recursing into
// fields whose types are structs (or slices/pointers of structs).
func (s schemaSet) checkStruct(t *testing.T, file string, node map[string]any, typ reflect.Type, path string) {
	file, node = s.resolve(file, node)
	props, _ := node["properties"].(map[string]any)
	if node["additionalProperties"] != false {
		t.Errorf("%s: schema should set additionalProperties false, as the reader rejects unknown fields", path)
	}
	fields := jsonFields(typ)
	var goNames, schemaNames []string
	for n := range fields {
		goNames = append(goNames, n)
	}
	for n := range props {
		schemaNames = append(schemaNames, n)
	}
	sort.Strings(goNames)
	sort.Strings(schemaNames)
	if diff := cmp.Diff(goNames, schemaNames); diff != "" {
		t.Errorf("%s: fields differ (-Go +schema):\n%s", path, diff)
	}
	if req, ok := node["required"].([]any); ok {
		for _, r := range req {
			if omit, ok := fields[r.(string)]; !ok || omit {
				t.Errorf("%s: schema requires %q, which the Go type omits when empty", path, r)
			}
		}
	}
	for f := range typ.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() != reflect.Struct || props[name] == nil {
			continue
		}
		pfile, pnode := s.resolve(file, props[name].(map[string]any))
		if pnode["type"] == "array" {
			pfile, pnode = s.resolve(pfile, pnode["items"].(map[string]any))
		}
		if ft == reflect.TypeFor[Message]() && (name == "chosen" || name == "rejected") {
			// Replies narrow the role to assistant but keep the same fields.
			props := pnode["properties"].(map[string]any)
			if len(props) != 2 || props["role"] == nil || props["content"] == nil {
				t.Errorf("%s.%s: reply items should have exactly role and content", path, name)
			}
			continue
		}
		s.checkStruct(t, pfile, pnode, ft, path+"."+name)
	}
}

func TestSchemaFieldsMatchGoTypes(t *testing.T) {
	s := loadSchemas(t)
	s.checkStruct(t, "conversation.schema.json", s["conversation.schema.json"], reflect.TypeFor[Conversation](), "Conversation")
	s.checkStruct(t, "preference_pair.schema.json", s["preference_pair.schema.json"], reflect.TypeFor[PreferencePair](), "PreferencePair")
}

func enumOf(t *testing.T, s schemaSet, file, def string) []string {
	t.Helper()
	node := s[file]["$defs"].(map[string]any)[def].(map[string]any)
	var out []string
	for _, v := range node["enum"].([]any) {
		out = append(out, v.(string))
	}
	return out
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func TestSchemaEnumsMatchVocabularies(t *testing.T) {
	s := loadSchemas(t)
	for _, tt := range []struct {
		file, def string
		want      []string
	}{
		{"conversation.schema.json", "concern", strs(Concerns)},
		{"conversation.schema.json", "strategy", strs(Strategies)},
		{"conversation.schema.json", "split", strs([]Split{SplitNone, SplitTrain, SplitVal, SplitTest})},
		{"preference_pair.schema.json", "failure", Failures},
	} {
		if diff := cmp.Diff(tt.want, enumOf(t, s, tt.file, tt.def)); diff != "" {
			t.Errorf("%s $defs/%s enum differs from Go (-Go +schema):\n%s", tt.file, tt.def, diff)
		}
	}
	roles := s["conversation.schema.json"]["$defs"].(map[string]any)["message"].(map[string]any)["properties"].(map[string]any)["role"].(map[string]any)["enum"]
	if diff := cmp.Diff([]any{string(RoleSystem), string(RoleUser), string(RoleAssistant)}, roles); diff != "" {
		t.Errorf("role enum (-Go +schema):\n%s", diff)
	}
}

// validate checks v against node for the keywords the schemas use.
func (s schemaSet) validate(file string, node map[string]any, v any, path string) error {
	file, node = s.resolve(file, node)
	if enum, ok := node["enum"].([]any); ok && !slices.Contains(enum, v) {
		return fmt.Errorf("%s: %v not in enum", path, v)
	}
	if c, ok := node["const"]; ok && c != v {
		return fmt.Errorf("%s: %v is not %v", path, v, c)
	}
	if anyOf, ok := node["anyOf"].([]any); ok {
		var errs []string
		for _, alt := range anyOf {
			err := s.validate(file, alt.(map[string]any), v, path)
			if err == nil {
				errs = nil
				break
			}
			errs = append(errs, err.Error())
		}
		if errs != nil {
			return fmt.Errorf("%s: matches no alternative: %s", path, strings.Join(errs, "; "))
		}
	}
	num := func(k string) (float64, bool) { f, ok := node[k].(float64); return f, ok }
	switch typ := node["type"]; typ {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: not an object", path)
		}
		props, _ := node["properties"].(map[string]any)
		req, _ := node["required"].([]any)
		for _, r := range req {
			if _, ok := obj[r.(string)]; !ok {
				return fmt.Errorf("%s: missing %s", path, r)
			}
		}
		for k, val := range obj {
			p, ok := props[k]
			if !ok {
				if node["additionalProperties"] == false {
					return fmt.Errorf("%s: unknown field %s", path, k)
				}
				continue
			}
			if err := s.validate(file, p.(map[string]any), val, path+"."+k); err != nil {
				return err
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: not an array", path)
		}
		if m, ok := num("minItems"); ok && float64(len(arr)) < m {
			return fmt.Errorf("%s: fewer than %v items", path, m)
		}
		for i, item := range arr {
			if err := s.validate(file, node["items"].(map[string]any), item, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		if c, ok := node["contains"].(map[string]any); ok && !slices.ContainsFunc(arr, func(x any) bool { return s.validate(file, c, x, path) == nil }) {
			return fmt.Errorf("%s: no item matches contains", path)
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: not a string", path)
		}
		if m, ok := num("minLength"); ok && float64(len(str)) < m {
			return fmt.Errorf("%s: shorter than %v", path, m)
		}
	case "integer", "number":
		f, ok := v.(float64)
		if !ok || (typ == "integer" && f != float64(int64(f))) {
			return fmt.Errorf("%s: not an %s", path, typ)
		}
		if m, ok := num("minimum"); ok && f < m {
			return fmt.Errorf("%s: %v below %v", path, f, m)
		}
		if m, ok := num("maximum"); ok && f > m {
			return fmt.Errorf("%s: %v above %v", path, f, m)
		}
	}
	return nil
}

// TestSchemaAgreesWithValidate runs records through both the schema and the
// Go reader (decode + Validate) and expects the same verdict, except for
// the documented rules only Go can check.
func TestSchemaAgreesWithValidate(t *testing.T) {
	s := loadSchemas(t)
	good, _ := json.Marshal(goodConversation())
	goodP, _ := json.Marshal(goodPair())
	edit := func(base []byte, from, to string) string {
		if !strings.Contains(string(base), from) {
			t.Fatalf("test setup: %q not in %s", from, base)
		}
		return strings.Replace(string(base), from, to, 1)
	}
	tests := []struct {
		name   string
		pair   bool
		line   string
		valid  bool
		goOnly bool // a rule the schema cannot express
	}{
		{"good conversation", false, string(good), true, false},
		{"minimal conversation", false, `{"id":"x","messages":[{"role":"user","content":"hi"}]}`, true, false},
		{"bad role", false, edit(good, `"role":"user"`, `"role":"human"`), false, false},
		{"empty content", false, edit(good, `"content":"Work`, `"content":"","x":"Work`), false, false},
		{"unknown field", false, edit(good, `"split"`, `"spilt"`), false, false},
		{"unknown concern", false, edit(good, `"stress"`, `"worry"`), false, false},
		{"severity 5", false, edit(good, `"severity":1`, `"severity":5`), false, false},
		{"empathy 3", false, edit(good, `"explorations":2`, `"explorations":3`), false, false},
		{"unknown strategy", false, edit(good, `"Question"`, `"Advice"`), false, false},
		{"bad split", false, edit(good, `"train"`, `"dev"`), false, false},
		{"confidence 2", false, edit(good, `"labels":{`, `"labels":{"confidence":2,`), false, false},
		{"missing id", false, edit(good, `"id":"c1",`, ``), false, false},
		{"turn on a user message", false, edit(good, `"turn":2`, `"turn":1`), false, true},
		{"good pair", true, string(goodP), true, false},
		{"free-text reason", true, edit(goodP, `"dismissive"`, `"too long"`), true, false},
		{"chosen by user", true, edit(goodP, `"chosen":[{"role":"assistant"`, `"chosen":[{"role":"user"`), false, false},
		{"prompt without user", true, edit(goodP, `"prompt":[{"role":"user"`, `"prompt":[{"role":"system"`), false, false},
		{"identical replies", true, edit(goodP, `"Just stop thinking about it."`, `"That sounds draining. What tends to come up when you replay it?"`), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any
			if err := json.Unmarshal([]byte(tt.line), &v); err != nil {
				t.Fatal(err)
			}
			file := "conversation.schema.json"
			var goErr error
			if tt.pair {
				file = "preference_pair.schema.json"
				_, goErr = NewReader[PreferencePair](strings.NewReader(tt.line), "t").Next()
			} else {
				_, goErr = NewReader[Conversation](strings.NewReader(tt.line), "t").Next()
			}
			schemaErr := s.validate(file, s[file], v, "$")
			if (goErr == nil) != tt.valid {
				t.Errorf("Go reader: err = %v, want valid=%v", goErr, tt.valid)
			}
			wantSchemaValid := tt.valid || tt.goOnly
			if (schemaErr == nil) != wantSchemaValid {
				t.Errorf("schema: err = %v, want valid=%v", schemaErr, wantSchemaValid)
			}
		})
	}
}

// TestFormatDocExamples keeps the one-line examples in docs/format.md
// valid for both the Go reader and the schemas.
func TestFormatDocExamples(t *testing.T) {
	s := loadSchemas(t)
	doc, err := os.ReadFile(filepath.Join("..", "docs", "format.md"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(line, `{"id":`) {
			continue
		}
		n++
		var v any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("format.md:%d: %v", i+1, err)
		}
		file := "conversation.schema.json"
		if strings.Contains(line, `"chosen"`) {
			file = "preference_pair.schema.json"
			_, err = NewReader[PreferencePair](strings.NewReader(line), "format.md").Next()
		} else {
			_, err = NewReader[Conversation](strings.NewReader(line), "format.md").Next()
		}
		if err != nil {
			t.Errorf("format.md:%d: Go reader: %v", i+1, err)
		}
		if err := s.validate(file, s[file], v, "$"); err != nil {
			t.Errorf("format.md:%d: schema: %v", i+1, err)
		}
	}
	if n != 2 {
		t.Errorf("found %d one-line examples in format.md, want 2", n)
	}
}
