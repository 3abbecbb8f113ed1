// The OpenAI chat-completions wire format: request, response and streaming
// chunk bodies. Remote speaks it as a client; serve speaks it as a server, so
// both share these types and cannot drift apart.
package llm

import "github.com/tend-project/tend/conv"

// ChatRequest is the body of POST /v1/chat/completions.
type ChatRequest struct {
	Model       string         `json:"model"`
	Messages    []conv.Message `json:"messages"`
	Temperature *float64       `json:"temperature,omitempty"`
	TopP        *float64       `json:"top_p,omitempty"`
	MaxTokens   int            `json:"max_tokens,omitempty"`
	// Stop is a string or a list of strings on the wire.
	Stop          StopList       `json:"stop,omitempty"`
	Stream        bool           `json:"stream,omitempty"`
	StreamOptions *StreamOptions `json:"stream_options,omitempty"`
	Seed          *int64         `json:"seed,omitempty"`
	User          string         `json:"user,omitempty"`
	// Locale is tend's extension: the country code whose crisis resources
	// apply ("GB", "US", ...). Servers that don't know it ignore it.
	Locale string `json:"locale,omitempty"`
}

// StreamOptions asks a streaming server to send usage in the last chunk.
type StreamOptions struct {
	IncludeUsage bool `json:"include_usage"`
}

// ChatResponse is the body of a non-streaming completion.
type ChatResponse struct {
	ID      string       `json:"id"`
	Object  string       `json:"object"`
	Created int64        `json:"created"`
	Model   string       `json:"model"`
	Choices []ChatChoice `json:"choices"`
	Usage   *Usage       `json:"usage,omitempty"`
	// Safety is tend's extension field; other servers leave it out.
	Safety any `json:"tend_safety,omitempty"`
}

// ChatChoice is one choice of a non-streaming completion.
type ChatChoice struct {
	Index        int          `json:"index"`
	Message      conv.Message `json:"message"`
	FinishReason string       `json:"finish_reason"`
}

// ChatChunk is one server-sent event of a streaming completion.
type ChatChunk struct {
	ID      string        `json:"id"`
	Object  string        `json:"object"`
	Created int64         `json:"created"`
	Model   string        `json:"model"`
	Choices []ChunkChoice `json:"choices"`
	Usage   *Usage        `json:"usage,omitempty"`
	Safety  any           `json:"tend_safety,omitempty"`
}

// ChunkChoice is one choice's delta within a chunk.
type ChunkChoice struct {
	Index        int     `json:"index"`
	Delta        Delta   `json:"delta"`
	FinishReason *string `json:"finish_reason"`
}

// Delta is the new part of a streamed message.
type Delta struct {
	Role    conv.Role `json:"role,omitempty"`
	Content string    `json:"content,omitempty"`
}

// ErrorBody is OpenAI's error envelope.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail describes an API error.
type ErrorDetail struct {
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    *string `json:"code"`
}

// ModelList is the body of GET /v1/models.
type ModelList struct {
	Object string      `json:"object"`
	Data   []ModelCard `json:"data"`
}

// ModelCard describes one served model.
type ModelCard struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
}
