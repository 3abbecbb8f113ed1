package safety

import "sync"

// Clarifications: the writer's answer to a check-in says the earlier words
// meant something else ("omg no sorry, i meant my elden ring run", "false
// alarm, it was the delivery guy", "'tired of life' is my band's name").
// Conversation memory otherwise keeps the earlier level (a short reply
// after "I want to kill myself" must not make the conversation safe), and
// an explicit safety statement lowers it by two levels. A clarification is
// stronger than a safety statement, because it takes the earlier words
// back rather than reporting being safe now, but it still leaves the
// conversation at low, not none: minimising after a disclosure is itself a
// warning sign, and low keeps the topic visible without a crisis response.
// It needs a change-of-meaning phrase, not only "lol" or "i'm fine", and
// it does not apply when the same message carries risk of its own.

// clarifyCues are the change-of-meaning phrases (normalised on first use).
var clarifyCues = []string{
	"i meant", "i just meant", "meant my", "meant the", "i mean my", "i mean the",
	"was talking about", "talking about my", "talking about the",
	"bad wording", "wrong wording", "poor wording", "wrong word", "badly worded", "phrased that badly", "phrased it badly",
	"false alarm", "not actually", "not literally", "not like that", "not in that way", "not that kind", "figure of speech",
	"just a joke", "only a joke", "was joking", "was kidding", "just joking", "just kidding",
	"misunderstood", "misunderstanding", "did not mean it like", "did not mean that",
	"sorry no", "no sorry", "haha sorry", "lol sorry", "sorry haha", "sorry lol", "omg no sorry", "sorry wrong",
	"my band", "band name", "the name of", "is a game", "in the game", "sorry for the scare", "sorry to scare", "sorry to worry",
}

var clarifyCuesNorm = sync.OnceValue(func() []string { return normPhrases(clarifyCues) })

// clarifies reports whether t takes back what earlier turns said: a
// change-of-meaning phrase, and no in-scope risk of its own at moderate or
// above, about the writer or anyone else ("she said she was joking but she
// wasn't. she's been saving her pills").
func clarifies(t *turn) bool {
	if !containsAny(joinWords(t.toks), clarifyCuesNorm()) {
		return false
	}
	for _, h := range t.hits {
		if !h.negated && h.scope == "" && h.level >= LevelModerate {
			return false
		}
	}
	return true
}
