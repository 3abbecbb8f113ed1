// API errors. Every failure a client can cause maps to one HTTP status and an
// OpenAI-style error body here, in one place, so handlers never pick status
// codes by hand and clients built for OpenAI understand the response.
package serve

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/tend-project/tend/llm"
)

// Sentinel errors for request problems. Check with errors.Is.
var (
	ErrBadRequest      = errors.New("invalid request")
	ErrTooLarge        = errors.New("request body too large")
	ErrUnauthorized    = errors.New("missing or invalid API key")
	ErrRateLimited     = errors.New("rate limit exceeded")
	ErrNotFound        = errors.New("not found")
	ErrMethod          = errors.New("method not allowed")
	ErrUnknownModel    = errors.New("unknown model")
	ErrShuttingDown    = errors.New("server is shutting down")
	ErrBackendDown     = errors.New("the model backend is unavailable")
	ErrBackendRejected = errors.New("the model backend rejected the request")
)

// fieldError is a request error about one field, reported as OpenAI's param.
type fieldError struct {
	param string
	msg   string
}

func (e *fieldError) Error() string { return e.param + ": " + e.msg }
func (e *fieldError) Unwrap() error { return ErrBadRequest }

func badField(param, msg string) error { return &fieldError{param, msg} }

// statusOf maps an error to its HTTP status and OpenAI error type.
func statusOf(err error) (int, string) {
	switch {
	case errors.Is(err, ErrTooLarge):
		return http.StatusRequestEntityTooLarge, "invalid_request_error"
	case errors.Is(err, ErrBadRequest):
		return http.StatusBadRequest, "invalid_request_error"
	case errors.Is(err, ErrUnknownModel):
		return http.StatusNotFound, "invalid_request_error"
	case errors.Is(err, ErrUnauthorized):
		return http.StatusUnauthorized, "authentication_error"
	case errors.Is(err, ErrRateLimited):
		return http.StatusTooManyRequests, "rate_limit_error"
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound, "invalid_request_error"
	case errors.Is(err, ErrMethod):
		return http.StatusMethodNotAllowed, "invalid_request_error"
	case errors.Is(err, ErrShuttingDown):
		return http.StatusServiceUnavailable, "server_error"
	case errors.Is(err, llm.ErrRejected), errors.Is(err, ErrBackendRejected):
		return http.StatusBadGateway, "server_error"
	case errors.Is(err, llm.ErrUnavailable), errors.Is(err, llm.ErrCircuitOpen), errors.Is(err, ErrBackendDown):
		return http.StatusServiceUnavailable, "server_error"
	}
	return http.StatusInternalServerError, "server_error"
}

// writeError sends err as an OpenAI error body. Internal errors are not
// echoed to the client: their text could hold details of the backend.
func writeError(w http.ResponseWriter, err error) {
	status, typ := statusOf(err)
	msg := err.Error()
	if status == http.StatusInternalServerError {
		msg = "internal error"
	}
	body := llm.ErrorBody{Error: llm.ErrorDetail{Message: msg, Type: typ}}
	var fe *fieldError
	if errors.As(err, &fe) {
		p := fe.param
		body.Error.Param = &p
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}
