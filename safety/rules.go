// The assessment lexicon: curated phrase patterns with their category, base
// level and kind, the idiom and technical exclusions, and the cue words the
// scope logic uses. Patterns describe how people talk about risk; they never
// describe methods. Levels follow the convention in docs/safety.md: passive
// ideation is moderate, explicit wishes or intent to die are high, a plan,
// means or goodbye combined with ideation or a timeline is imminent.
package safety

// kind says what a pattern contributes to the conversation-level picture.
type kind uint32

const (
	kIdeation kind = 1 << iota // explicit wish or intent to die
	kPassive                   // passive ideation: not wanting to exist
	kHopeless                  // hopelessness, burden, entrapment
	kPlan                      // a plan or preparations
	kMeans                     // access to means
	kTimeline                  // when: tonight, tomorrow, soon
	kGoodbye                   // farewell messages
	kResolve                   // "I've made up my mind"
	kAct                       // an act under way or just done
	kSelfHarm                  // self-harm behaviour or urge
	kSafe                      // the writer says they are safe
	kCue                       // a topic word only (suicide, overdose): low unless scoped
	kExclude                   // idiom or technical use: suppresses overlapping matches
	kOther                     // other categories' signals
	kIntent                    // stated intent ("going to"), not only a wish
)

type rule struct {
	id    string
	pat   string
	cat   Category
	lvl   Level
	kind  kind
	third bool // the pattern itself names a third person ("kill himself")
	// notIf lists words ("a|b|c") whose presence in the sentence switches an
	// exclusion off: "my dad is going to kill me if…" is an idiom, "my dad
	// said he is going to kill me if…" is a threat. On any other rule it
	// suppresses the match ("written letters to everyone on my team").
	notIf string
	// with lists words ("a|b|c") one of which must appear somewhere in the
	// message, in any sentence: "relapsed after 8 months. hiding it with
	// long sleeves" is self-harm because of the sleeves.
	with string
}

const threatWords = "joking|kidding|serious|mean|said|says|saying|keeps|told|threatened|threatens|threatening|swore|warned|promised|seriously|actually|knife|gun|weapon|scared|afraid|terrified|hurt|hits|hit|beat|beats|choked"

var macros = map[string]string{
	"me":      "myself|me",
	"refl3":   "himself|herself|themselves|themself",
	"want":    "want|wants|wanted|wanting|wish|wishing|need|needs|going|planning|plan|plans|ready|about|tempted|trying|tried|try|decided|deciding|considering|consider|considered",
	"think":   "thinking|thought|thoughts|think|thinks|fantasize|fantasizing|fantasise|fantasising|obsessing|dreaming",
	"kill":    "kill|killing|killed|kills",
	"endlife": "end|ending|take|taking|took my own? life | end it all | ending it all | end everything | end myself | off myself | offing myself",
	"end3":    "end|ending|take|taking|took his|her|their own? life | off himself|herself|themselves",
	"pills":   "pills|meds|medication|medications|tablets|painkillers|pill|prescription|prescriptions | sleeping pills | @drug",
	"rel":     "stepfather|stepbrother|stepsister|mom|dad|mother|father|brother|sister|son|daughter|wife|husband|partner|boyfriend|girlfriend|friend|roommate|coworker|colleague|cousin|uncle|aunt|grandma|grandpa|kid|child|student|teen|teenager|patient|client|neighbor|neighbour|boss|stepdad|stepmom|fiance|ex|baby|family|kids|children|parents|teacher",
	"when":    "tonight|today|tomorrow|soon | after|when|once ~1 everyone|my|they ~1 parents|family|mom|dad? ~1 go|goes|went|are|is ~1 to? ~1 bed|sleep|asleep|out | right now | in the next hour | within the hour | in the next few hours | this weekend | this week | later tonight | in an hour | in a few hours | before morning | by morning | this evening | on friday|saturday|sunday|monday|tuesday|wednesday|thursday | after the funeral | after my birthday | when everyone is asleep | when they are asleep | once everyone is asleep | by the end of the week | before the weekend | next week | in a few days | before ~1 they|everyone|anyone|he|she|my ~2 wake|wakes|woke|get|gets|come|comes|home",
	"abuser":  "carer|caregiver|grandson|granddaughter|son|daughter|he|she|they|someone|boyfriend|girlfriend|husband|wife|partner|stepdad|stepfather|dad|father|mom|mother|uncle|neighbour|neighbor|coach|teacher|boss|coworker | my partner|husband|wife|boyfriend|girlfriend|dad|father|mom|mother|stepdad|stepmom|brother|sister|uncle|ex|fiance|coach|teacher|boss|parents|grandpa|cousin | a man|guy",
	"hitverb": "hits|hit|beats|beat|chokes|choked|strangled|kicks|kicked|punches|punched|slaps|slapped|hurts|shoves|shoved|pushes|pushed|burns|burned|grabs|grabbed|raped|rapes|molested|molests|abuses|abused|assaulted|assaults|touches|touched|threatens|threatened|locks|locked|choking|hitting|beating|kicking|punching|slapping|strangles|bruised|dragging|dragged|drags|pinned|pinning|pins|holding|held|holds|strangling|throttling|throttled|smashed|slammed|slamming",
}

var rules = []rule{
	// --- suicidal ideation: explicit (high) ---
	{id: "si_intent_kill_self", pat: "@want to? @kill myself", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_think_kill_self", pat: "@think about|of @kill myself", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_kill_self", pat: "kill|killing|killed myself", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_end_life", pat: "@endlife", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_want_end_it", pat: "@want to end it ~2 all|now|tonight|forever|permanently|good|soon|today", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_want_end_it_bare", pat: "want|wants|wanted|going|ready|decided|planning to end it", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_suicidal", pat: "am|feel|feeling|felt|been|getting|get|so|very|really|pretty|super|bit|kinda|little|actively|extremely|passively|quite|becoming suicidal", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_suicidal_thoughts", pat: "suicidal thoughts|ideation|feelings|urges|thinking|again|tonight|plans", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_thoughts_of_suicide", pat: "thoughts|thinking|think|thought|considering|considered|contemplating|planning|attempting|urge|urges|fantasize|fantasizing|fantasising|obsessing ~3 suicide | want|going|about|planning to commit suicide", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_want_die", pat: "want|wanted|wanting|wish|ready|deserve|long|longing|planning|decided|choose|choosing|need|needs|have to die", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_want_be_dead", pat: "want|wish|wished|wishing i? to? be|was|were dead | wish|wished i ~2 not|never ~1 alive|living", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_wish_could_die", pat: "wish i could just? die | wish i would die | hope i die | hoping i die | pray i die | praying to die | praying i die", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_not_live", pat: "not|never|longer|hardly ~2 want|wish to? [ live | be alive | stay alive | keep living | go on living | survive ] | want to stop living | want to stop being alive", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_no_reason_live", pat: "no|any|much ~1 reason|reasons to [ live | stay | keep going | go on | be alive ] | nothing to live for | no will to live | lost the will to live", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "si_not_sure_live", pat: "[ not sure | do not know if|why | can not see why ] i? ~1 want|should to? [ live | keep going | stay alive | be alive | go on | keep living ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "si_unalive", pat: "kill|killing my whole? self", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_better_dead", pat: "better off dead | be better dead | rather be dead | rather die", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_going_to_do_it", pat: "going to do it | will do it | doing it tonight | do it tonight | finally do it | go through with it | going through with it | follow through", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve},
	{id: "si_last_day", pat: "last day|night on earth|alive | last day|night of my life", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye},
	{id: "si_jump_in_front", pat: "walk|step|jump into traffic | walk|step|jump|throw myself in front of ~1 bus|train|car|truck|traffic", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},

	{id: "si_preoccupied", pat: "suicide|dying|death is all i think about | can not stop thinking about [ suicide|dying|death | killing myself ] | think about suicide ~2 [ all the time | constantly | every day | a lot | nonstop ] | death|dying ~3 want|wanting|wish|long|longing for? it | suicide ~3 only option|way|answer|solution | suicide ~3 way out", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "ab_threat_kill2", pat: "said|says|saying|told|threatened|threatens|swore|promised|warned|screaming|yelling|shouting|screamed|yelled|shouted me? ~1 that? ~2 he|she|they would|will|is|was ~1 going? to? kill|hurt|find me", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "si_going_do_it", pat: "going|planning|about|decided|ready|might|will|finally to? do it", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve | kIntent},
	{id: "si_going_kill_self", pat: "going|planning|about|decided|ready|might|will|finally to? [ kill myself | end my life | take my life | end it all | end it | die ] | want to [ kill myself | end my life | take my life | end it all ] ~2 tonight|today|now|tomorrow", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kIntent},
	{id: "si_think_end", pat: "@think about|of ~1 [ ending it | ending things | ending everything | ending myself | ending my life | end it | end it all | end my life | not being here | not being alive ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_suicide_thoughts2", pat: "suicide thoughts|urges|feelings|ideation", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "mn_pills_ready", pat: "got|have|had the|my @pills ~2 [ ready | out | lined up | counted | in front of me ] | @pills ~2 in front of me", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kTimeline | kIdeation},
	{id: "tl_know_when", pat: "i know when | picked|chosen|set a date|day", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kTimeline},
	{id: "rs_it_ends", pat: "it ends tonight|today|now | tonight it ends | it all ends tonight|today | tonight is the night", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kTimeline | kResolve, notIf: "asking|ask|date|party|concert|game|match|show|premiere|launch|proposal|propose|gig|wedding|birthday|prom|finale|opening"},
	{id: "ac_took_saved", pat: "taken|took|swallowed ~2 everything|all ~3 saving|saved|stockpiled|collected | took|swallowed|overdosed ~6 on purpose|deliberately|intentionally", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kAct, notIf: "ring|coin|coins|key|keys|battery|batteries|magnet|magnets|lego|toy|marble|marbles|nurse|patient|patients"},
	{id: "ho_act_on", pat: "scared|afraid|worried|terrified ~4 act on|upon", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ab_hits_other", pat: "@abuser ~2 @hitverb my mom|mother|sister|brother|dad|father|siblings|kids|children|baby | @abuser ~2 @hitverb her|him|them", cat: CatAbuse, lvl: LevelModerate, kind: kOther, third: true},
	{id: "ab_in_abusive", pat: "in an abusive relationship | controls my money|phone|everything | will not let me see my friends|family", cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "ed_guilt", pat: "feel|feeling disgusting|disgusted|guilty|gross ~4 eat|eating|ate|food", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ps_cmd_self", pat: "voices|voice ~5 hurt|cut|harm|burn|punish myself", cat: CatSelfHarm, lvl: LevelHigh, kind: kSelfHarm},
	{id: "ps_cmd_si", pat: "voices|voice ~5 [ kill myself | die ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "ps_cmd_others", pat: "voices|voice ~5 hurt|kill|harm|attack ~2 [ someone|people|others|him|her|them | my @rel ]", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ps_thoughts_insert", pat: "putting|put|inserting|planting thoughts ~2 in|into my head|mind|brain", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "me_cant_wake", pat: "can not wake him|her|them|my | he|she|they will not wake up | he|she|they is|are not waking up", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther, third: true},
	{id: "tp_unreachable", pat: "not answering|responding ~2 her|his|their|my? phone|texts|calls|messages | can not reach him|her|them | not picking up", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kTimeline, third: true},
	{id: "si_wish_die_broad", pat: "want|wants|wanted|wanting|wish|wishing|wished|hope|hoping|long|longing|ready|deserve|pray|praying ~3 die|dead", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_end_it_when", pat: "ending|end it|things ~1 tonight|tomorrow|today|soon|this|now", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kIntent},
	{id: "si_take_all_pills", pat: "going to|will ~1 take|swallow ~2 all|every|whole|rest ~2 @pills", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kIntent | kMeans},
	{id: "pi_no_point_alive", pat: "point|reason|purpose ~2 [ in being alive | of being alive | in living | of living | of staying alive | in life | of life | in existing ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "sh_cut_when", pat: "i ~1 cut|burned|burnt|scratched ~2 last night|again|today|yesterday|tonight | cut|burned|burnt|scratched|hurt|hit|bruised my arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hand|hands ~3 [ on purpose | deliberately | again ] | want|need to cut tonight|now|again|so|badly | on purpose to hurt myself", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "sh_used_to", pat: "used to [ cut | self harm | sh ] | used to hurt|burn|cut myself", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "ab_threatening", pat: "keeps|keep|kept|always threatening|threatens|threatened me | threatening to hurt|kill me", cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "ed_vomit_after", pat: "throw|throwing|vomit|vomiting|puke|puking|purge|purging ~2 up? ~2 after ~1 i? ~1 eat|eating|meals|meal|dinner|lunch|breakfast|every | throw|vomit|puke ~6 [ do not gain | lose weight | stay thin ]", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_restrict_again", pat: "restricting|restrict ~1 again|food|calories|everything|more", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ho_think_kill", pat: "@think about|of killing|stabbing|shooting|murdering|strangling|smothering|drowning|poisoning ~2 [ someone|somebody|people|him|her|them | my @rel ]", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "si_want_end", pat: "want|wish|need ~2 everything|it ~1 all? to end|over | want out of this life | want out of life", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_slang", pat: "top|topping|topped|neck|necking myself | ctb | catch the bus ~2 tonight|soon|today | end|ending myself", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_not_worth", pat: "life|living ~2 not worth ~1 living|it|anything | not worth living", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_inner_cmd", pat: "brain|mind|head|thoughts|something ~3 telling|tells|told me to ~1 [ end it | die | kill myself | end my life ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_end_life_when", pat: "ending|end|take|taking my life|myself ~1 tonight|today|tomorrow|soon|this", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kIntent},
	{id: "pi_not_here_after", pat: "not be here|around ~1 after|by|next|tomorrow|past|for", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye, notIf: "till|until|off|visiting|holiday|trip|work|office|exams|exam|back|sleep|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|meeting|lunch|dinner|shift|away|travelling|traveling|flight"},
	{id: "gb_last_time", pat: "last time i will|am ~1 talk|speak|see|write|message | the last thing i will ever|say", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye},
	{id: "pi_no_future", pat: "[ can not | do not | never ] ~1 see ~3 future | see no future | no future for me | do not want a future", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_not_alive", pat: "to not be alive|here | not be alive anymore | waiting to die | waiting for death", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_wouldnt_mind", pat: "if i died|die ~4 not mind|care|matter | would not mind dying|dying | do not care if|whether i live|die | do not ~1 care if i ~1 die|wake", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "tp_slang", pat: "top|topping|topped|neck|necking|off|offing @refl3", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation, third: true},
	{id: "sh_fresh_cuts", pat: "fresh|new|deep|open cuts|wounds|burns|scars | cuts on my arm|arms|wrist|wrists|thigh|thighs|legs|stomach", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "sh_body", pat: "cut|cutting|burn|burning|burned|scratch|scratching|hit|hitting|bang|banging|carve|carving|pick|picking|punch|punching|bite|biting my skin|arm|arms|wrist|wrists|leg|legs|thigh|thighs|stomach|head|face ~4 until|when|because|again|every|bleed|bleeds|upset|angry|sad|feel|numb|cope|lighter|blade", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "ab_control", pat: "[ will not | does not | never | would not ] let|lets me ~3 leave|see|go|talk|have|work|use | forced|forces|made|makes me ~2 [ have sex | sexual | do things ] | forced himself|herself on me", cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "me_pills_alcohol", pat: "@pills ~3 with|and ~1 alcohol|vodka|wine|beer|drinking|booze|drink", cat: CatMedicalEmergency, lvl: LevelHigh, kind: kOther},
	{id: "me_took_more", pat: "took|taken|swallowed ~2 more|extra ~3 [ @pills | than i should | than prescribed | than i was supposed ]", cat: CatMedicalEmergency, lvl: LevelHigh, kind: kOther},
	{id: "me_symptom", pat: "dizzy|lightheaded|faint|confused|shaking|drowsy|sleepy|numb | heart is|keeps ~1 pounding|racing | can not breathe | throwing up | vomiting | passing out | feel really sick | unwell | very unwell | feel ill | woozy | clammy | breathing ~3 slow|weird|fast|shallow|funny|strange|hard|slowing | heart ~2 is|feels? ~1 slow|racing|pounding|weird | mouth ~2 is? ~1 burning | being sick | keeps being sick | can not stay awake | going pale | turning pale", cat: CatMedicalEmergency, lvl: LevelNone, kind: kOther},
	{id: "me_tp_overdosed", pat: "he|she|they|friend|brother|sister|son|daughter|mom|dad|roommate|partner|husband|wife|boyfriend|girlfriend|mate ~2 overdosed|overdosing | not responding | not responsive", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther, third: true},
	{id: "ed_stopped_eating", pat: "stopped|quit|quitting|stopping eating | stop eating ~2 [ completely | altogether | for days ]", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_earn_food", pat: "earn my|earn ~1 food|meals|dinner|eating | have to burn off ~2 ate|eat", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ps_head_talk", pat: "hear|hearing ~3 talking|people|someone|voices ~4 inside|in my head | controlling|reading|stealing|hacking|taking ~1 my thoughts|mind|brain", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ho_violent_want", pat: "@want to ~1 stab|shoot|strangle|murder ~3 my|the|that|this|him|her|them|someone|everyone|people", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, notIf: "potatoes|potato|fork|meat|steak|sausages|photo|photos|film|video|scene|hoops|basketball|goal|goals|penalty|pool|camera|footage|wedding|portrait"},
	{id: "ho_fantasize", pat: "fantasize|fantasizing|fantasise|fantasising|dreaming|dream ~2 about ~1 hurting|harming|killing|hitting|attacking", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	// Means at hand and places, and acts described with named substances.
	// These are detector vocabulary; the labelled suite never spells them out.
	{id: "am_location", pat: "[ i am | standing | sitting | stood | sat ] ~3 on|at|in ~2 the|a|this|my ~1 bridge|roof|rooftop|ledge|edge|cliff|tracks|railway|balcony|overpass | i am ~2 in the car with the engine running | parked on the tracks | at the place|spot i ~1 chose|picked|found", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline},
	{id: "am_in_hand", pat: "holding|have|got|grabbed ~2 the|a|my ~1 knife|blade|razor|gun|rope|pills|bottle|noose|pistol|rifle ~4 [ hand | hands | ready | loaded | now | in front | to my ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kTimeline | kIdeation},
	{id: "am_loaded", pat: "gun|rifle|pistol|shotgun ~2 is|are? ~1 loaded | loaded the|my gun|rifle|pistol | noose|rope ~3 ready|tied|set|up|hanging | tied a noose | made a noose", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kIdeation},
	{id: "am_jump", pat: "[ going to | about to | ready to | will ] ~1 jump ~2 now|tonight|off|from|today | jump|jumping ~2 off ~2 bridge|roof|building|cliff|balcony|ledge", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kIntent},
	{id: "ac_took_named", pat: "took|taken|swallowed|downed|drank ~3 tylenol|paracetamol|acetaminophen|ibuprofen|advil|aspirin|xanax|antidepressants|insulin|bleach|antifreeze|painkillers|opioids|oxy|fentanyl|heroin|pills|tablets|sleeping|benadryl|meds ~4 all|whole|bottle|box|pack|packet|#|lot|bunch|handful|many|too|entire | took|taken|swallowed|downed ~1 # ~2 pills|tablets|capsules | took|taken|swallowed|downed ~1 # ~2 of ~3 @sub", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct},
	{id: "gb_bye_alone", pat: "goodbye|bye|farewell | [ thanks | thank you ] for trying|listening | thank you for talking to me | i love you all | be gone soon|by|tomorrow | i will be gone | see you in another life | see you in the next life", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kGoodbye, notIf: "group|chat|team|switching|channel|server|job|company|class"},
	{id: "si_want_over", pat: "want|need ~1 it|everything|all|life ~3 to be over | want|need ~4 to be over ~2 permanently|forever|good | want it all over | just want it over | want to be done with ~1 [ life | everything | it all ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_should_i", pat: "should i ~2 [ end it | kill myself | die | end my life | just end it | do it ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "ac_its_done", pat: "it is done | its done | done it | i did it | it is too late | already too late", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kAct},
	{id: "tp_location", pat: "he|she|they|friend|brother|sister|son|daughter|mom|dad|roommate|partner|husband|wife|boyfriend|girlfriend ~3 is|are ~2 on|at ~2 the|a ~1 bridge|roof|rooftop|ledge|edge|cliff|tracks | he|she|they|friend|brother|sister|son|daughter|roommate ~3 locked ~2 in ~3 with ~2 pills|knife|blade|gun|rope | he|she|they ~2 has|have|got ~2 a|the ~1 knife|gun|rope|pills ~6 kill|die|end|hurt", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline, third: true},
	{id: "gb_wont_see", pat: "not ~1 [ see | make it to | survive ] ~1 [ tomorrow | morning | next week | the weekend | my birthday | christmas ] | not ~2 be alive|here ~2 by|tomorrow|morning|next", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye | kTimeline},
	{id: "rs_ready_go", pat: "ready to go | time for me to go | made my peace | made peace with ~2 decision|dying|it | not scared anymore | at peace now | i am at peace", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve},
	{id: "rs_act_on", pat: "want|going|ready|planning|about|decided ~2 act on ~1 it|them|thoughts|these", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve | kIntent},
	{id: "si_actually_die", pat: "like|to|and ~1 actually|really|literally ~1 die", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_only_way", pat: "only way ~8 dead|die|dying|death|gone | wish|want ~3 stop breathing|living", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "pi_waking", pat: "tired of waking up | asleep forever | okay|fine|alright|happy ~3 if i ~2 not|never wake | what is ~1 the point of me ~2 being|here|existing|living|alive", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "me_cardiac", pat: "having a heart attack|stroke | chest hurts|pain ~6 arm|jaw|numb|breathe|sweating", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "ac_took_something", pat: "i ~1 took|taken|swallowed|drank something | took|taken|swallowed something ~4 sleepy|dizzy|weird|funny|sick|drowsy|numb", cat: CatMedicalEmergency, lvl: LevelHigh, kind: kAct},
	{id: "ab_bruises", pat: "bruises|bruised|black eye|marks|scratches ~4 from ~1 him|her|them|my|he|she | put|puts ~1 his|her|their hands on me | threw|throws|threw things ~2 at me | he|she|they ~1 hurt|hurts|hurting me", cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "ho_make_suffer", pat: "make ~1 him|her|them|everyone|people ~1 suffer|hurt|bleed | [ going to | will ] ~1 beat|stab|shoot ~2 him|her|them|someone|up", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "si_wheel", pat: "turn|turning|swerve|swerving|jerk ~1 the wheel | drive|driving|crash|crashing ~2 into|off ~2 road|wall|tree|traffic|oncoming|bridge", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "pl_think_how", pat: "think|thinking|thought ~1 about|of ~1 how ~4 [ do it | end it | kill myself | end my life ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation},
	{id: "si_only_option", pat: "dying|death|dead|suicide|die ~4 only option|choice|answer|solution|way|thing", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "ac_take_rest", pat: "take|taking|swallow ~1 the rest | already taken|took|swallowed some ~2 [ of them | of it | pills | tablets ]", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct | kIntent},
	{id: "pi_hold_on", pat: "can not hold on ~2 [ any longer | anymore | much longer ] | tonight is it | this is it tonight", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive | kTimeline},
	{id: "gb_tell_sorry", pat: "tell|let my ~3 i am sorry|sorry", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kGoodbye},
	{id: "pi_picture", pat: "fine|okay|ok|better|happier ~4 if i ~3 [ in the picture | around | here ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_something_happened", pat: "not mind if ~2 something happened|happens to me | not mind if i ~2 [ died | die | got hit | did not wake ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_stop_feeling", pat: "stop feeling ~3 forever | feel nothing forever | want to stop feeling ~1 anything|everything", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "sh_razor_on", pat: "using|use|used ~2 a|the|my ~1 razor|blade|lighter|knife ~3 on my", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "ed_rid_of", pat: "after i eat|eating ~8 [ bathroom | get rid of | throw up | purge | make myself sick ] | get rid of ~1 it|food|what i ate ~4 eat|ate|meal | stop restricting | feel huge|enormous|disgusting ~4 eat|weight|body", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ab_far", pat: "@abuser ~8 @hitverb me | [ checks | reads | goes through ] my phone|messages | takes|took my money|paycheck|wages | knows where i live|work|sleep", cat: CatAbuse, lvl: LevelModerate, kind: kOther, notIf: "fifa|chess|poker|tennis|golf|darts|scrabble|monopoly|horse|hoops|basketball|race|game|games|wrestling|bjj|sparring|judo|karate|boxing|mario"},
	{id: "ho_i_will", pat: "i will|swear ~3 hurt|kill|stab|shoot|beat ~1 him|her|them|someone|everyone|you", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ab_verbal", pat: "@abuser ~6 screams|yells|shouts|screamed|yelled|swears ~1 at me | tracks|tracked|monitors|follows ~1 my ~1 [ location | phone | every move ] | keeps|kept ~1 touching|grabbing|groping me | touched|groped|grabbed me without | locks|locked me out|in", cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "ab_if_i", pat: "if i ~2 call|tell|leave|report|go ~10 hurt|kill|take ~2 me|my|the|us | said ~2 i will regret it | i will regret it", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "ab_tp_hitting", pat: "is|keeps|was ~1 hitting|beating|hurting|choking|abusing ~1 his|her|their ~1 wife|husband|kids|girlfriend|boyfriend|partner|children|son|daughter", cat: CatAbuse, lvl: LevelModerate, kind: kOther, third: true},
	{id: "ho_imagine", pat: "imagining|picturing|imagine|picture ~2 hurting|killing|stabbing|hitting|strangling ~3 my|him|her|them|someone|people|ex | could|might ~1 seriously|really|actually ~1 hurt|kill|stab ~2 someone|somebody|him|her|them", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "me_vomit_pills", pat: "[ vomiting | throwing up | sick ] ~6 after taking|swallowing|took ~3 pills|tablets|meds|lot|bunch|handful | after taking|swallowing ~2 [ a lot | lots | a bunch | a handful | too many ] ~2 of? ~1 pills|tablets|meds", cat: CatMedicalEmergency, lvl: LevelHigh, kind: kOther},
	{id: "ed_varied", pat: "chew|chewing ~3 spit|spitting | only drink|drinking ~3 water|coffee|tea ~4 [ no food | nothing else ] | [ exercise | exercising | work out | running ] ~6 [ faint | until i | so i can eat | to earn | burn off ] | not ~1 eaten ~1 [ today | all day ]", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ps_varied", pat: "see|seeing|saw ~12 not real | see|seeing|saw ~8 [ nobody else | no one else ] | messages|signs|codes|ads|adverts|billboards ~6 [ about me | warning me ] | meant for me | tastes like poison | someone is poisoning|drugging me", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "tp_sh_himself", pat: "cuts|burns|scars|marks|bruises ~8 does|did|do ~1 it ~1 himself|herself|themselves | does it to himself|herself|themselves", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm, third: true},
	{id: "si_not_alive_next", pat: "not ~3 be alive|around|here ~2 [ next year | next month | by next | in a year | by then ] | still be alive ~2 next|by", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "pl_my_death", pat: "planning|plan|planned|imagine|imagining|picture|picturing ~1 my ~1 death|suicide|exit | easier|better ~3 to ~1 not ~1 [ be alive | exist | be here ] | [ suicide | killing myself ] ~3 on my mind | feel|feels|feeling like dying", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "pi_funeral", pat: "my|own funeral | waiting for ~2 life|it|everything ~2 to be over|end | death|dying ~3 on my mind | drowning ~4 [ nobody notices | no one notices | nobody cares | no one cares ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pl_letters_done", pat: "letters|note|notes ~2 are|is ~1 written|done|ready|finished", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kPlan},
	{id: "gb_leaving", pat: "leaving|going|gone ~3 for good|forever | leaving and not coming back", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye},
	{id: "tp_feels_dying", pat: "he|she|they ~2 feels|felt|feel ~1 like dying|death | he|she|they ~2 wants|wanted ~1 to die", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation, third: true},
	{id: "si_suicidal_when", pat: "suicidal ~2 tonight|today|right|again|af|lately|now", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "pi_why_alive", pat: "why am i ~1 even|still ~1 alive|here", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "sh_cut_again", pat: "cut|cutting|relapsed ~1 again ~4 clean|weeks|days|months|ruined|relapse|streak", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "ac_wrists", pat: "cut|slit|slashed|sliced ~1 my|both ~1 my? ~1 [ wrist | wrists | throat | arm open ]", cat: CatSelfHarm, lvl: LevelImminent, kind: kAct | kSelfHarm},
	{id: "am_place_act", pat: "on|at ~2 the|a ~1 bridge|roof|rooftop|ledge|edge|cliff|tracks|railing ~8 [ jump | die | end | kill | goodbye | gone | over | let go | do it | fall | step off ]", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kMeans | kTimeline | kIdeation},
	{id: "am_gun_head", pat: "gun|pistol|knife|blade ~3 to|against|at ~1 my ~1 head|throat|wrist|chest | in the bath|bathtub ~6 razor|blade|knife|pills | feel ~1 the|my? ~1 pills|it ~1 [ working | kicking in ]", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kMeans | kTimeline | kIdeation},
	{id: "me_tp_acute", pat: "he|she|they|friend|brother|sister|son|daughter|mom|dad|roommate|partner|husband|wife|boyfriend|girlfriend|baby|child|kid ~3 collapsed|fainted|unconscious|choking|seizing|convulsing|overdosed | he|she|they|friend|brother|sister|son|daughter|mom|dad|roommate|partner|husband|wife|boyfriend|girlfriend|baby|child|kid ~3 is|are|was ~1 not ~1 breathing|moving|responding | passed out and will not wake", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther, third: true},
	{id: "me_self_acute", pat: "i ~2 can not ~1 [ breathe | feel my | stop shaking | stop bleeding | stay awake ] | i think i am dying | i am going to pass out", cat: CatMedicalEmergency, lvl: LevelHigh, kind: kOther},
	{id: "si_wish_death", pat: "wish|wishing|long|longing|pray|praying|hope|hoping ~2 for ~1 death | no wish|desire ~1 to ~2 [ live | living | go on | be alive ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "pi_not_sorry", pat: "not ~2 sorry|mind|care ~3 if i ~3 not|never ~1 wake|woke|live|survive", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "ab_elder", pat: "takes|took|taking ~1 my ~1 [ pension | benefits | savings | card | bank card ] | becomes|gets|turns|became|got ~1 violent|aggressive|abusive", cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "pl_how_much", pat: "how much|many ~4 [ @pills | it would take | would it take | to take ] ~4 take|die|kill|enough|would", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation, notIf: "pain|period|cramps|ache|aches|arthritis|sprain|sprained|injury|toothache|migraine|daily|dose|dosage|headache|fever|cold|flu|cramps|box|label|safely|recommended|pharmacist"},
	{id: "si_if_i_ended", pat: "if i ~1 ended|end|killed|kill ~1 [ my life | myself ] | not ~1 deserve to ~1 live|exist | not deserve to be alive", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "am_station", pat: "at|on ~2 the ~1 station|platform | next train ~4 minutes|coming|due", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline},
	{id: "ac_took_ago", pat: "took|taken|swallowed them|it|some|everything|all ~3 minutes|hours|hour ~1 ago", cat: CatMedicalEmergency, lvl: LevelHigh, kind: kAct},
	{id: "pi_stay_asleep", pat: "wish|want|wanting ~4 [ stay asleep | sleep forever | fall asleep and not | fall asleep forever | fall asleep and stay asleep | fall asleep and never ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "me_tp_bottle", pat: "passed out|unconscious|asleep ~6 empty ~1 bottle|packet|box | empty ~1 bottle|packet|box ~3 pills|tablets|meds ~4 next to|beside|by | he|she|they ~2 took ~2 all ~3 pills|tablets|medication|meds ~4 at once|confused|drowsy", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther, third: true},
	{id: "ps_dead_voice", pat: "hear|hearing ~4 dead|late ~1 mother|father|mom|dad|husband|wife|brother|sister|friend|grandma|grandpa", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "si_join_them", pat: "telling|tells|told|calling ~2 me to join ~1 her|him|them", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_counting_down", pat: "counting down ~4 until|till ~3 stop|end|go|gone|over|die | not be around|here ~1 for ~2 my ~1 birthday|christmas|graduation|wedding | not have to ~3 [ do this | deal with this | live ] ~2 much|for|anymore | might|may|could be the last time", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye, notIf: "term|semester|holiday|holidays|vacation|weekend|trip|concert|retirement|release|tour|festival|flight|break|exams|finals|payday|summer"},
	{id: "pl_rehearse", pat: "rehearsing|practising|practicing|planning it ~4 how it would go | [ nobody | no one ] will find me ~2 [ until | before | in time ] | do not try to ~1 [ find me | look for me | stop me | save me ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation},
	{id: "si_only_thing", pat: "only thing|reason ~2 stopping me | only thing keeping me ~1 here|alive|going | only still here because|for", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "gb_last_night", pat: "this is ~1 my|the ~1 last night|day", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye | kTimeline, notIf: "company|job|work|office|school|term|semester|internship|contract|shift|holiday|trip|vacation|camp|course|thanks"},
	{id: "pl_note_placed", pat: "note|letter|letters ~2 is|are ~1 on the|my ~1 table|desk|bed|pillow|door | everything is arranged|sorted|planned", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kPlan | kMeans},
	{id: "pi_be_gone", pat: "wish|want ~3 [ be gone | disappear ] | think|thinking ~1 about ~1 [ not existing | not being here | not being alive ] | happily|gladly|rather ~1 not|never ~1 wake", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "tl_now", pat: "do|doing|end|ending it ~1 now | going now", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kTimeline},
	{id: "tp_goodbye2", pat: "he|she|they|friend|brother|sister|son|daughter|mom|dad|partner|husband|wife|roommate ~6 saying|said|sent|texted|posted ~3 goodbye | phone is ~1 off|dead | switched|turned her|his|their phone off", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye | kTimeline, third: true},
	{id: "tp_locked_means", pat: "locked ~2 in ~10 pills|knife|gun|rope|blade", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline, third: true},
	{id: "pi_peaceful_death", pat: "peaceful|relief|easier|nice ~2 [ death | dying | being dead ] ~2 would|will|is", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "me_stroke", pat: "slurring|slurred ~2 words|speech | face ~3 drooping|droopy|drooped | can not lift ~2 arm | took ~3 pills|meds|tablets ~2 twice|double | barely keep my eyes open | can not stay awake", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "me_tp_took_something", pat: "he|she|they|friend|brother|sister|son|daughter|mom|dad|roommate|partner ~3 took ~2 something ~8 shaking|sense|confused|unconscious|seizing|breathing|waking", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther, third: true},
	{id: "ab_neck", pat: "hands ~2 around|round ~1 my ~1 neck|throat | next time ~4 [ not stop | kill | will kill ] | choked|strangled me", cat: CatAbuse, lvl: LevelHigh, kind: kOther, notIf: "bjj|jiu|jitsu|judo|wrestling|mma|sparring|tapped|tap|belt|grappling|rolling|training|laughing|food|popcorn|drink|water"},
	// --- passive ideation (moderate) ---
	{id: "pi_not_wake", pat: "want|wish|wishes|wished|hope|hoping|wishing|pray ~4 not|never ~1 wake|woken|woke up | never want to wake up | do not want to wake up", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_sleep_forever", pat: "sleep forever | go to sleep and not|never | sleep and never | fall asleep and not|never | sleep and not wake", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_better_without", pat: "better|happier|easier ~3 without me | better|happier|easier ~4 if i ~3 dead|gone|around|here|born|disappeared|died|existed|exist|woke|wake", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive, notIf: "defence|defense|goal|goals|midfield|squad|lineup|pitch|goalkeeper|striker|quiz|pub|karaoke|rota|shift|shifts"},
	{id: "pi_no_one_miss", pat: "[ no one | nobody|noone ] would|will even? miss|notice|care ~3 i|me|gone", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_not_here", pat: "not ~1 want to [ be here | exist | be around | be alive ] | stop existing | not existing | can not be here anymore", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_wish_not_exist", pat: "wish i ~2 not|never ~1 exist|existed|born|here|alive", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_wish_disappear", pat: "want|wish|wishing|wanted ~2 disappear|vanish | cease to exist | stop existing | not exist | fade away forever", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_tired_living", pat: "tired|sick|exhausted of|from living|existing | tired|sick|exhausted of|from being alive | tired of life | done with life | done living", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive, notIf: "band|song|album|book|film|show|title|lyrics|housemates|flatmates|roommates|commute|studio|clutter|mess|landlord"},
	{id: "pi_burden", pat: "i am|feel|feeling|be ~4 burden | burden to|on everyone|everybody|them|my|you", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_not_problem_longer", pat: "not be a problem|burden|bother|nuisance ~1 much|for|anymore|long", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye, notIf: "team|bug|fixed|project|client|customers|deadline"},
	{id: "pi_not_around", pat: "not be around|here much longer | not be around|here for much|long | not be around|here anymore | not be around to see", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye},
	{id: "pi_hit_by", pat: "hope|hopes|wish|pray|praying|hoping ~4 get sick and die | hope|wish|pray|praying|hoping ~4 hit|hits|crash|crashes|kills me | hope|wish|pray|praying|hoping ~2 [ hit by a car|bus|truck|train | die in my sleep ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_death_relief", pat: "death|dying|dead would|will|sounds|seems|feels|be ~1 a? relief|peaceful|better|easier|nice|good|welcome|freedom", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_cant_go_on", pat: "can not go on | can not keep going | can not do this|it ~1 anymore | can not take this|it ~1 anymore | can not take it much longer | can not handle life | can not live like this | can not keep living|going like this", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kHopeless},
	{id: "pi_cant_go_on2", pat: "do not think i can ~1 [ keep going | go on | carry on | last | survive ] ~2 much? ~1 longer? | i do not know how much longer i can ~1 [ keep going | go on | do this | take this | take it ]", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kHopeless, notIf: "gym|class|classes|lessons|practice|training|running|job|commute|diet"},
	{id: "pi_stop_for_good", pat: "want|wish|need ~2 everything|it|all|this|things ~2 to ~1 stop|end ~3 for good|forever|permanently", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "pi_no_way_out", pat: "no way out | can not see ~1 a|any ~1 way out | only way out | only way to stop | only option left | only solution | no other way out | the only escape", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kHopeless},
	{id: "pi_thoughts_death", pat: "think|thinking|thoughts about|of [ death | dying | being dead ] ~2 [ a lot | constantly | all the time | every day | every single day | lately | more ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},

	// --- hopelessness (low) ---
	{id: "hp_no_point", pat: "no point ~2 [ living | anymore | in anything | in trying | in going on | in life ] | there is no point | [ do not | can not ] see ~1 the|any ~1 point | see no point | what is the point ~2 [ living | anymore | of anything | of life | of me | in anything ] | tired of everything | nothing matters anymore | no future for me | i have no future | no hope left | feel hopeless | i am hopeless | so hopeless | completely hopeless | i am worthless | feel worthless | so worthless | give|giving|given up on life|everything|myself | nothing to live for | empty inside | dead inside | want|need it all? to stop | make it stop | want the pain to stop | do not see a way forward", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kHopeless},
	{id: "hp_never_better", pat: "never ~2 get better | ever going to get better | never going to get better | will not get better | is not going to get better | nothing will ever change | nothing ever changes | nothing ever gets better | nothing ever goes right | it will never end", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kHopeless},
	{id: "hp_trapped", pat: "feel|feeling|am|so completely? trapped | stuck like this forever", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kHopeless},
	{id: "hp_hate_life", pat: "hate my life | hate myself | hate being alive | hate existing | i ruin everything | everyone hates me", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kHopeless},

	// --- plan, means, timeline, goodbye, resolve ---
	{id: "pl_have_plan", pat: "have|had|made|got|making|make a|the plan|plans", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kPlan},
	{id: "pl_know_how", pat: "know|figured|worked|decided|researched|chosen|picked|planned|planning out? how|where ~3 [ do it | end it | kill myself | it would happen ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan},
	{id: "pl_looked_up", pat: "looked|looking|searched|searching|googled|googling|researching|researched up? ~3 [ to die | to kill myself | to end my life | to end it | painless | suicide methods | lethal ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan},
	{id: "pl_method", pat: "figured|worked|found|picked|chose|chosen|set out? the|a way|method|place|spot|day|date", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kPlan, notIf: "wedding|party|holiday|trip|vacation|move|moving|surgery|appointment|launch|exam|interview|baby|shower|birthday|meeting|dinner|ceremony|event|race|marathon|concert|restaurant|venue|fix|solution|solve|bug"},
	{id: "pl_note", pat: "wrote|written|writing|write|left|leave ~2 a|my|the note|letter|letters|notes ~3 for|to my? family|kids|mom|parents|everyone|wife|husband|partner|sister|brother | written|wrote|finished my|the note|notes|letters", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kPlan},
	{id: "pl_suicide_note", pat: "suicide note | goodbye letter|letters|note|notes|video | farewell letter | final letter", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan},
	{id: "pl_give_away", pat: "giving|gave|give|given away my|all|most of? my? things|stuff|belongings|possessions|cat|dog|pets|clothes|games|books", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kPlan},
	{id: "pl_affairs", pat: "affairs in order | sorted out my will | wrote|made|updated my will | deleted all my accounts | cancelled my subscriptions", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kPlan},
	{id: "mn_saving_pills", pat: "saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|stashing|stashed|stocking|stocked|hiding|hid ~2 up? ~1 my? @pills", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kIdeation, notIf: "trip|holiday|travel|pharmacist|supply|refill|vacation|abroad"},
	{id: "mn_enough_pills", pat: "enough @pills | enough to do it | enough to end", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kIdeation},
	{id: "mn_have_everything", pat: "have|got|bought|gathered|with everything|all ~2 ready|need|needed | have|got what i ~1 need|needed | everything is ready | everything is in place | everything is set | it is all ready | got it all ready | everything set up", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans},
	{id: "mn_bought_gun", pat: "bought|got|have|found|keep|getting|buying|buy ~2 gun|rope|weapon|blade|razor|razors|firearm", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans},
	{id: "mn_the_means", pat: "have the means | access to the? means | know where to get", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kMeans},
	{id: "tl_when", pat: "@when", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kTimeline},
	{id: "gb_goodbye", pat: "this is goodbye | my goodbye | goodbye everyone|forever|world|everybody | bye everyone|forever|world | final|last goodbye | goodbye for good | farewell everyone|forever | goodbye cruel world | said my goodbyes", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye, notIf: "group|chat|team|switching|channel|server|job|company|class"},
	{id: "gb_goodbye_weak", pat: "wanted|want|need to say goodbye | saying|say my goodbyes | goodbye and thank you | goodbye and thanks", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kGoodbye},
	{id: "gb_last_message", pat: "my last|final ~1 message|post|words|letter|entry|goodbye|tweet|video", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye, notIf: "was|were|group|meme|email|emails|reply|replied|boss|work|inbox"},
	{id: "gb_by_time", pat: "by the time ~1 you|anyone|someone|they read|reads|see|sees|find|finds|get|gets this", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kGoodbye, notIf: "plane|flight|airport|train|landed|holiday|office|asleep|bed|married|party|meeting|shop|home|back|work|beach|hospital|surgery"},
	{id: "gb_tell_love", pat: "tell|let my ~3 i love|loved them|her|him|you | tell|let ~2 know that? i love", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kGoodbye},
	{id: "gb_take_care_of", pat: "[ take care of | look after | feed ] my dog|cat|cats|dogs|kids|children|pets|mom|family|sister|brother|plants|fish ~2 for me|when|after|once", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kGoodbye},
	{id: "gb_when_gone", pat: "when|after|once i am gone|dead | when i am no longer here | after i am no longer here", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye},
	{id: "gb_sorry_everything", pat: "sorry for everything | please forgive me | forgive me for what | thank you|thanks for everything | it was|is not your fault | this is not your fault | do not blame yourselves|yourself | i love you all", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kGoodbye},
	{id: "gb_over_soon", pat: "will all be over | all be over soon | it will be over soon | at peace with my decision | see you on the other side | this is the end ~1 for me | will not have to deal with me | never have to deal with me | never hear from me again | will not hear from me again | will not see me again | never see me again | will not have to worry about me", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye, notIf: "careers|career|job|jobs|house|flat|divorce|course|degree|uni|university|quit|quitting|sell|selling|sold|offer|breakup|relationship|move|moving|retire|retirement|school|exam|exams|project"},
	{id: "rs_decided", pat: "made up my mind | made my decision | made the decision | i have decided | i decided | no going back | no turning back | it is time | i am ready | my mind is made up | know what i have|need|must to do | nothing can stop me | nobody can stop me | no one can stop me | do not try to stop me | nothing left to say | this is it | i am done | done fighting | done trying | done with everything | done with it all | tired of fighting | stop fighting | i give up | i am finished | i am out", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve},
	{id: "sf_safe", pat: "i am safe | i will stay safe | i am not going to do anything | i will not do anything | i will not act | i promise i am safe | i am not in danger | feel|feeling safer | i am safe now | i am okay now", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kSafe},

	// --- attempts and acts under way ---
	{id: "ac_took_pills", pat: "took|swallowed|taken|downed ~2 all|whole|bunch|lot|handful|many|rest|entire|bottle|box|packet|extra|lots|double|triple ~3 @pills | already took|taken|swallowed the|my|them|all @pills? | already took|taken|swallowed everything|them", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct},
	{id: "ac_took_pills2", pat: "took|swallowed|taken ~1 way? too many|much ~3 @pills | swallowed too many|much", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct},
	{id: "ac_overdosed", pat: "i overdosed | i have overdosed | just overdosed | i am overdosing | have taken an overdose | took an overdose | taken an overdose | i think i overdosed", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct},
	{id: "ac_attempt_now", pat: "already started | it is already done | i did it | i have done it | doing it now | doing it right now | started to feel it | starting to feel it | can feel it working | i already did it | it is happening now", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kAct},
	{id: "ac_attempted", pat: "tried|attempted|try|attempt to @kill myself | tried|attempted to end|take my life | tried|attempted suicide", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "ac_attempt_noun", pat: "suicide attempt|attempts | my attempt | last attempt | failed attempt | survived an|my attempt", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kIdeation},
	{id: "ac_bleeding", pat: "bleeding|bleed ~2 will|can|is|does not ~1 stop|stopping|slowing | bleeding a lot | lot of blood | so much blood", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct},
	{id: "ac_deep_cut", pat: "cut|cuts|cutting|wound|wounds ~3 too|really|very|so deep | needs|need stitches | might need stitches", cat: CatMedicalEmergency, lvl: LevelHigh, kind: kSelfHarm},

	// --- medical emergency (incl. third party) ---
	{id: "me_not_breathing", pat: "not breathing | stopped breathing | barely breathing | turning blue | lips are blue | unresponsive | unconscious | will not wake up | not waking up | having a seizure | seizing | foaming at", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "me_poison", pat: "swallowed|drank|ate|drunk ~3 [ poison|bleach|chemicals|antifreeze|detergent|batteries | something poisonous | cleaning fluid|product|products ]", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "me_alcohol_pills", pat: "drank|drinking|alcohol|drunk|vodka|whiskey|wine ~4 took|taking|with|and @pills", cat: CatMedicalEmergency, lvl: LevelHigh, kind: kOther},
	{id: "me_overdose_cue", pat: "overdose|poisoning|overdoses", cat: CatMedicalEmergency, lvl: LevelLow, kind: kCue},
	{id: "r_decided_it", pat: "decided|decide ~2 this is it | this is it for me | decided ~1 it is ~1 time | my mind is made up", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve, notIf: "job|quit|quitting|move|moving|buy|buying|divorce|dating|school|degree|college|career|house|apartment"},
	{id: "am_car_garage", pat: "[ sitting | i am | sat ] ~3 in ~2 my|the ~1 car ~3 in ~2 the|my ~1 garage", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline},
	{id: "am_everything_need", pat: "have|got ~1 everything i need ~2 [ in front of me | right here | with me | ready | laid out ]", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline, notIf: "trip|recipe|cake|exam|camping|party|packed|pack|move|moving|project|interview|wedding|baby"},
	{id: "gb_tell_first", pat: "wanted|want|needed ~2 to ~1 [ tell | say it to ] ~1 someone|somebody|anyone ~1 first|before | wanted|want|needed ~2 someone|somebody|anyone ~1 to know", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kGoodbye},
	{id: "gb_letters", pat: "written|wrote|writing|left ~2 letters|notes ~2 to|for ~1 [ everyone | everybody | my family | my kids | my children | each of them ]", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kGoodbye, notIf: "team|thank|thanking|company|application|applications|recommendation|cover|santa|pal|wedding|colleagues|clients|christmas|holiday"},
	{id: "gb_not_going_home", pat: "not think i am going|coming|getting ~1 home | i am not going|coming ~1 home ~1 ever|again|tonight | never going|coming ~1 home", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kGoodbye, notIf: "staying|stay|crash|sleepover|party|hotel|christmas|holidays|summer|weekend|break|yet|until|till|late|overtime|flight|train"},
	{id: "si_find_after", pat: "how long ~6 find|found|notice ~2 [ someone | somebody | me | a body ] ~3 after|once|when ~3 gone|dead|died|die", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kPlan},
	{id: "si_not_see_alive", pat: "not see ~1 myself ~2 alive|here|around|living ~3 by|next|in|at|past", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "pi_if_hit", pat: "if ~2 car|bus|truck|train|something|someone ~2 [ hit | hits | killed | ran over | run over ] ~1 me ~5 not ~1 really? ~1 mind|care | if ~2 car|bus|truck ~2 hit|hits ~1 me ~5 be ~1 [ relieved | fine with it | a relief ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive},
	{id: "me_heart", pat: "chest ~4 crushing|tight|tightness|pressure|pain|hurts ~8 arm|jaw ~3 numb|tingling|hurts|aching | crushing ~2 chest ~8 arm|jaw | left arm ~3 gone? ~1 numb|tingling", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "ho_fire_in", pat: "set|setting|light|lighting ~4 fire ~4 with ~1 him|her|them ~1 in|inside", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ab_believe", pat: "told|tells|tell|says|said ~2 me? ~1 [ no one | nobody ] ~1 would|will ~1 ever? ~1 believe ~1 me", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "ab_object", pat: "@hitverb ~2 me ~2 with ~1 a|the|his|her ~1 belt|bat|stick|cord|bottle|hanger|buckle|pan|shoe|chair", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "ed_nothing_but", pat: "[ nothing but | only ] ~1 water|coffee|tea|coke|gum ~6 for ~2 days|weeks", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, notIf: "sick|flu|surgery|colonoscopy|procedure|ramadan|stomach|hospital|doctor|poisoning|norovirus|fasting|cleanse"},
	{id: "gb_plan_goodbye", pat: "[ planning | plan | planned | working out | figuring out ] ~3 [ say goodbye | my goodbyes | saying goodbye ] ~3 my|everyone|everybody|kids|family|children|them", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye | kPlan},
	{id: "si_not_longer", pat: "[ problem | burden | bother | nuisance | trouble ] ~4 [ for much longer | much longer | any longer | for long ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye, notIf: "car|laptop|phone|printer|issue|leak|roof|bug|project"},
	{id: "pl_how_end", pat: "[ working out | figuring out | planning | deciding | researching ] ~1 how|when|where ~2 to ~1 end ~1 things|it|everything|myself", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kPlan, notIf: "boyfriend|girlfriend|relationship|him|her|partner|husband|wife|friendship|meeting|story|essay|book|chapter|game|season|lease|contract|job"},
	{id: "pl_give_away_need", pat: "giving|gave|give ~1 away ~3 things|stuff|belongings|possessions|clothes|games|books ~8 not|never ~1 [ need | needing | be using ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kGoodbye, notIf: "moving|move|declutter|decluttering|charity|minimalist|minimalism|upgrade|new"},
	{id: "ac_rest_beside", pat: "taken|took|had|swallowed ~4 half|some|most|part|first ~6 [ the rest | the others ] ~3 [ next to | beside | in front of | with | here | by ] ~1 me", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kAct, notIf: "exam|test|course|class|module|paper|movie|season|book|series|pizza|cake|cookies|assignment|quiz"},
	{id: "gb_sorry_all", pat: "sorry ~1 to|for ~1 everyone|everybody|all ~3 [ let down | hurt | disappointed | failed ] | sorry for everything ~3 i|goodbye|bye", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kGoodbye},
	{id: "ho_think_hurt", pat: "think|thinking|thought|fantasize|fantasizing ~1 about ~1 hurting|harming|attacking ~3 the|those|these|some|my ~1 kids|people|guys|girls|boys|students|bullies|coworkers|classmates|teachers", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ho_weapon_deal", pat: "knife|gun|weapon|bat|machete ~8 [ deal with | get back at | take care of | teach | get even with | make ] ~3 him|her|them|my|ex|pay | deal with ~3 him|her|them|ex ~1 once and for all", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, notIf: "kitchen|cooking|camping|hunting|fishing|chef|sharpen|wasps|mice|rats"},
	{id: "ab_touch_secret", pat: "touches|touched|touching ~1 me ~8 [ nobody | no one ] ~2 is|was|home|around|there|looking | touches|touched ~1 me ~10 [ scared | afraid | not allowed ] ~3 tell | touches|touched|touching ~1 me ~2 [ down there | private | privates ]", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "me_blood", pat: "[ vomiting | throwing up | coughing up | puking | vomited | threw up ] ~1 blood", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "me_insulin", pat: "insulin ~12 [ confused | confusion | breathing | vomiting | faint | drowsy | passing out ] | ran|run ~1 out of ~1 insulin", cat: CatMedicalEmergency, lvl: LevelHigh, kind: kOther},
	{id: "ps_objects_talk", pat: "shadows|walls|trees|animals|objects|furniture|reflection|mirror|tv|television|radio ~4 talk|talks|talking|speak|speaks|whisper|whispers ~2 to me | shadows|walls|voices|tv|radio ~6 tell|tells|telling ~1 me ~1 what to do", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "sh_cut_deep", pat: "cut ~3 [ deeper | deep | too deep ] ~10 [ stop bleeding | still bleeding | keeps bleeding | bleeding a lot ] | cut myself ~10 [ stop bleeding | still bleeding | keeps bleeding ]", cat: CatSelfHarm, lvl: LevelHigh, kind: kSelfHarm},
	{id: "hl_nothing_change", pat: "nothing ~2 ever ~2 [ going to | will ] ~1 change|improve", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kHopeless, notIf: "meeting|app|feature|exercise|function|game|movie|recipe|class|diet|gym|policy|law|government"},
	{id: "hl_what_point", pat: "what is the point ~2 [ of any of it | of anything | of living | of life | of trying | of it all ]", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kHopeless, notIf: "meeting|app|feature|exercise|function|game|movie|recipe|class|diet|gym|policy|law|government"},
	{id: "hl_stopped_caring", pat: "stopped caring ~2 about ~1 anything|everything|myself|living|life", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kHopeless},
	{id: "sf_with_someone", pat: "[ i am with | staying with | here with ] ~1 my ~1 mom|dad|sister|brother|partner|friend|husband|wife|parents|family ~1 now | called|rang|texted|phoned ~3 [ crisis line | helpline | hotline | lifeline | 988 | samaritans | crisis team ] | feel|feeling ~2 a bit|little ~1 better", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kSafe},
	{id: "rs_might_as_well", pat: "might as well ~2 [ make it happen | do it | end it | get it over with | go through with it ]", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve | kIntent},
	{id: "tp_saw_cuts", pat: "cuts|scars|burns|marks|bruises ~2 on ~1 [ his | her | their ] ~1 arm|arms|wrist|wrists|legs|thighs|body | cuts|scars|burns|marks ~2 on ~1 my @rel ~2 arm|arms|wrist|wrists|legs|thighs|body", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm, third: true},
	{id: "me_allergic", pat: "allergic|swelling|swollen ~10 [ hard to breathe | can not breathe | trouble breathing | struggling to breathe ]", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "ho_urges", pat: "urge|urges|thoughts|impulse|impulses ~3 to ~1 push|hurt|stab|kill|strangle|shove|attack ~3 [ someone | somebody | people | him | her | them | my | a stranger | strangers | a child | the baby ]", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ab_scared_home", pat: "@hitverb ~1 me ~12 scared|afraid|terrified ~2 to ~1 go|be ~1 home", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "ps_imposters", pat: "replaced ~4 with ~1 imposters|impostors|clones|robots|doubles|fakes | being followed|watched ~1 everywhere|constantly", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "si_join_dead", pat: "passed|died|lost|death|gone|funeral ~12 [ should | want to | wish i could | ready to | going to | just ] ~2 join ~1 him|her|them", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "si_insurance", pat: "life insurance ~8 than ~2 me | worth more dead | life insurance ~8 [ pay out | payout | pays out ] ~4 if|when i | get|collect ~2 my ~1 life insurance", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation, notIf: "policy|provider|providers|quote|premium|premiums|switch|cheaper"},
	{id: "am_weapon_out", pat: "[ service weapon | gun | pistol | revolver | firearm | rifle | handgun ] ~3 out ~8 thinking|nights|night|again|staring|looking|holding", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kIdeation, notIf: "cleaning|clean|range|hunting|season|safe|lock|sell|selling|class|cabinet|robbery|police"},
	{id: "pi_lived_enough", pat: "[ lived long enough | lived enough | had enough of living | had enough of life ]", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive, notIf: "to|that|know|seen"},
	{id: "rs_decided_enough", pat: "decided ~3 [ lived long enough | lived enough | had enough ] | i am ready to stop ~1 living|existing|fighting|trying|breathing", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve},
	{id: "am_car_running_garage", pat: "car|engine ~3 running ~5 garage | garage ~5 car|engine ~2 running", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline, notIf: "rough|spark|plugs|noise|noisy|oil|mot|smell|smells|starting|start|idle|idling|warm|warming|defrost|mechanic|service|battery"},
	{id: "tl_tonight_night", pat: "tonight is the night | tonight the night", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve | kTimeline, notIf: "ask|asking|date|party|game|show|concert|premiere|finale|match|launch|wedding|prom|first|finally|big|movie|dinner|celebrate|birthday|propose|proposing"},
	{id: "gb_made_peace", pat: "made ~1 my ~1 peace ~2 with ~1 it|everything|everyone|this|dying|death|god", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kGoodbye | kResolve},
	{id: "ab_injured", pat: "@hitverb ~1 me ~6 fell|hospital|bleeding|bruises|broke|broken|stitches|concussion | fell ~3 when|after ~2 he|she|they ~1 @hitverb ~1 me", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "me_headache", pat: "headache ~8 [ worst of my life | came on suddenly | out of nowhere ] | worst headache of my life | sudden ~1 severe|terrible|excruciating? ~1 headache ~10 vision|blurry|confused|numb|speech|vomiting|neck", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "me_baby", pat: "baby|infant|newborn|toddler|child ~8 floppy|limp|unresponsive|lethargic | baby|infant|newborn|toddler|child ~8 [ will not wake | can not wake | not waking | turning blue ]", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther, third: true},
	{id: "ed_weigh", pat: "weigh myself ~3 # ~1 times|time | weigh myself ~2 [ every hour | constantly | all day ] | do not eat ~3 [ rest of the day | for the rest | all day | for days ]", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, notIf: "sick|flu|surgery|fasting|ramadan"},
	{id: "am_writing_from", pat: "writing|typing|texting|sending ~2 this ~2 from ~4 edge|bridge|roof|rooftop|ledge|cliff|tracks|overpass", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kGoodbye | kMeans | kTimeline, notIf: "view|views|vacation|holiday|trip|canyon|unreal|beautiful|amazing|hike|hiking|sunset|photo|pic"},
	{id: "rs_doing_it_when", pat: "doing|do it ~2 [ in an hour | tonight | today | now | right now | in a few hours | soon | this weekend | in a few minutes ]", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve | kTimeline, notIf: "party|event|launch|presentation|show|wedding|meeting|move|test|exam|interview|homework|laundry|project|surprise|haircut|tattoo"},
	{id: "ac_swallowed_all", pat: "swallowed|taken|took ~2 everything ~3 cabinet|drawer|bottle|box|house|cupboard|medicine|bathroom", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kAct},
	{id: "am_rope", pat: "[ there is | got | have | bought | found | put ] ~2 a|the? ~1 rope", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kResolve, notIf: "camping|climbing|boat|sailing|tent|hammock|swing|tow|towing|jump|skipping|gym|crafts|knots|tug|horse|dog|course|toy|cat"},
	{id: "tl_heading_now", pat: "heading|going ~2 out? ~1 there ~1 now | i am going now", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kTimeline},
	{id: "si_bridge_stop", pat: "past|to|over|across ~2 bridge|overpass|tracks|cliff ~6 [ thinking about | think about | wanting to | tempted to | want to ] ~2 [ stopping | stop | jumping | jump | pulling over ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "pl_after_event", pat: "after ~4 wedding|birthday|christmas|graduation|holidays|exams ~4 so ~3 not ~1 ruin|spoil", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kTimeline},
	{id: "pl_bought_not_when", pat: "bought|got ~2 [ the things | everything | what ] ~2 i need ~10 [ not decided | not sure | do not know ] ~1 when|where", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kMeans | kIdeation, notIf: "cake|bake|trip|party|recipe|project|holiday|vacation|move|garden"},
	{id: "me_pregnant_bleed", pat: "pregnant ~8 [ bleeding | severe cramps | really bad cramps | bad pain | water broke ]", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "me_swallowed_object", pat: "swallowed|ate|eaten ~3 [ button battery | battery | batteries | magnet | magnets | bleach | detergent | laundry pod | dishwasher tablet ]", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "me_head_injury", pat: "hit|bumped|banged|smashed ~2 head ~10 confused|vomiting|unconscious|drowsy|seizure | hit|bumped|banged ~2 head ~10 [ throwing up | passed out | knocked out ]", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "ho_where_lives", pat: "[ looking up | found out | finding out | figured out ] ~1 where ~4 lives|live ~12 regret|pay|sorry|teach|coming for", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ho_want_hurt_family", pat: "want|wanted|wanting|urge ~2 to ~1 hurt|hit|harm|shake ~2 my ~1 little? ~1 brother|sister|baby|son|daughter|kid|kids|child|children|mom|dad|wife|husband|partner", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "gb_thanks_going", pat: "thank|thanks ~3 for trying ~6 [ i am going | i am leaving | i am gone | i have to go ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye | kTimeline},
	{id: "ho_regret", pat: "going to|will ~1 regret ~3 firing|dumping|leaving|crossing|hurting|messing|treating|cheating ~1 me|on", cat: CatHarmToOthers, lvl: LevelModerate, kind: kOther},
	{id: "me_chest_pain", pat: "chest pain | heart is racing and | [ vomiting | throwing up ] blood | keep passing out | i fainted | keep fainting | i collapsed | can not breathe properly | heart keeps skipping", cat: CatMedicalEmergency, lvl: LevelModerate, kind: kOther},

	// --- self-harm ---
	{id: "sh_cut_self", pat: "cut|cutting|cuts|burn|burning|burned|burnt|hurt|hurting|hurts|harm|harming|scratch|scratching|scratched|hit|hitting|punch|punching|bang|banging|carve|carving|carved|bruise|bruising|bite|biting|punish|punishing|pinch|pinching myself | carve|carved|carving into my | bang|banging my head | punch|punching walls", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "sh_want_hurt", pat: "@want to ~1 cut|hurt|harm|burn|punish|injure myself", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "sh_self_harm", pat: "i|been|started|keep|still|been ~2 self harm|harming|harmed|harms | my self harm | self harming again | self injure|injuring | self mutilate | sh urges|again | i sh | sh to cope | want|need to cut so bad|badly | want|need to cut again | urge to cut", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "sh_urge", pat: "urge|urges|itch|craving|cravings|need ~2 to cut|hurt|burn|harm | to self harm", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "sh_relapse", pat: "started|cutting|hurting|burning|harming myself? again | back to cutting | back to hurting myself | relapsed ~3 cut|cutting|self|sh|hurt", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "sh_blade", pat: "my blade|blades|razor|razors|lighter ~3 arm|arms|thigh|thighs|wrist|wrists|skin|legs | blade|blades|razor|razors ~6 gets bad | blade|blades|razor|razors ~6 just in case", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "sh_hide_scars", pat: "hide|hiding|cover|covering|hid ~3 scars|cuts|marks|burns|wounds", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},
	{id: "sh_clean", pat: "days|weeks|months|years|year|month|week clean|free | since i last cut | since my last relapse", cat: CatSelfHarm, lvl: LevelLow, kind: kCue},
	{id: "sh_seek_worse", pat: "cut|burn|hurt myself? deeper|worse|harder ~3 without ~1 anyone|anybody|people|nobody|noticing|knowing|seeing | how deep ~8 bleed | how deep ~4 cut|hurt myself | what|which|where ~4 cut|hurt|harm myself ~6 without ~1 anyone|anybody|people|nobody|noticing|knowing|seeing | cut|hurt|harm myself ~3 without anyone ~1 noticing|knowing|seeing|finding", cat: CatSelfHarm, lvl: LevelHigh, kind: kSelfHarm},
	{id: "sh_deserve_pain", pat: "deserve to ~1 hurt|suffer|bleed | deserve to feel pain | deserve to be punished | deserve the pain", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm},

	// --- harm to others ---
	{id: "ho_hurt_others", pat: "@want to ~2 hurt|harm|kill|stab|shoot|attack|strangle|murder|beat|smother|drown|poison ~2 [ someone|somebody|people|others|everyone|anyone|him|her|them|stranger|strangers|baby|babies|kids|children|men|women|classmates|coworkers | my @rel ]", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ho_thoughts_hurting", pat: "[ @think | urge|urges|intrusive|images ] ~2 of|about ~1 hurting|harming|killing|stabbing|hitting|attacking|strangling|shooting|smothering|drowning ~2 [ someone|somebody|people|others|baby|him|her|them|stranger|everyone | my @rel ]", cat: CatHarmToOthers, lvl: LevelModerate, kind: kOther},
	{id: "ho_make_pay", pat: "make ~2 pay | make them|him|her|everyone|all pay | get revenge | going to snap | shoot up the|a|my school|office|place|mall|church|work | bring|bringing|brought a gun|knife|weapon to | pay for what they|he|she did | they will all pay | hurt them back", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ho_afraid_hurt", pat: "afraid|scared|worried|terrified ~2 i|that will|might|could|am|would ~2 hurt|harm|kill|snap|attack|shake|lose ~2 [ someone|somebody|him|her|them|people|baby|control | my @rel ]", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ho_kill_him", pat: "going|will|want|planning to? kill him|her|them | going|will|want|planning to? kill my @rel", cat: CatHarmToOthers, lvl: LevelModerate, kind: kOther},
	{id: "ho_know_where", pat: "know where he|she|they lives|live|works|sleeps|parks", cat: CatHarmToOthers, lvl: LevelNone, kind: kOther},
	{id: "ho_weapon_intent", pat: "got|bought|have|loaded|carrying ~2 gun|knife|weapon ~6 him|her|them|school|work|office|people|everyone", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},

	// --- abuse and violence against the writer ---
	{id: "ab_hits_me", pat: "@abuser ~2 @hitverb me|us | @abuser ~2 @hitverb my face|head|body|arm|arms|stomach|back|neck", cat: CatAbuse, lvl: LevelModerate, kind: kOther, notIf: "fifa|chess|poker|tennis|golf|darts|scrabble|monopoly|horse|hoops|basketball|race|game|games|wrestling|bjj|jiu|jitsu|sparring|judo|karate|boxing|mma|mario|tapped|grappling|rolling|belt"},
	{id: "ab_threat_kill", pat: "@abuser ~1 threatened|threatens|said|says|told|swore|promised|warned ~3 [ kill|hurt|end|stab|shoot|strangle|burn|choke me | take the kids | find me | hurt the kids | kill the kids ]", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "ab_scared_kill", pat: "scared|afraid|terrified|worried|frightened ~2 @abuser ~3 [ kill me | hurt me | find me | come back | kill us | hurt us ]", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "ab_being_abused", pat: "being|been|was|got|getting|am ~1 physically|sexually|emotionally? abused|raped|assaulted|molested|groomed|trafficked|beaten|choked|strangled|stalked|battered", cat: CatAbuse, lvl: LevelModerate, kind: kOther, notIf: "fifa|chess|poker|tennis|golf|darts|scrabble|monopoly|horse|hoops|basketball|race|game|games|wrestling|bjj|jiu|jitsu|sparring|judo|karate|boxing|mma|mario|tapped|grappling|rolling|belt"},
	{id: "ab_coming_now", pat: "@abuser ~1 is|are ~1 breaking|banging|pounding|kicking|trying ~3 in|door|window|get | @abuser ~1 is|are ~1 outside|downstairs|upstairs|here|back ~8 scared|afraid|terrified|help|hiding|kill|hurt|screaming|yelling|threatening | @abuser ~1 got|broke ~1 in | @abuser ~6 [ trying to get in | trying to break in | breaking in | banging on ]", cat: CatAbuse, lvl: LevelImminent, kind: kOther},
	{id: "ab_hiding", pat: "hiding from him|her|them|my | hiding in the bathroom|closet|car ~3 from|because | barricaded ~1 myself|door | barricaded the door", cat: CatAbuse, lvl: LevelHigh, kind: kOther, notIf: "kids|children|toddler|toddlers|peace|quiet|party|guests|chores|homework|seek|game|lol|haha|spider|wasp|relatives|inlaws"},
	{id: "ab_dv", pat: "domestic violence|abuse | abusive | abusive relationship|partner|husband|wife|boyfriend|girlfriend|parents|dad|mom|father|mother|home | coercive control | sexual abuse|assault | child abuse | rape|raped", cat: CatAbuse, lvl: LevelLow, kind: kCue},
	{id: "ab_not_safe_home", pat: "not safe at home | unsafe at home | afraid|scared to go home | scared|afraid|terrified of my @rel", cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "ab_told_kys", pat: "told|tell|telling|tells|said|keep|messaged ~1 me ~2 to? [ kill myself | kill yourself | die | go die ]", cat: CatAbuse, lvl: LevelModerate, kind: kOther},

	// --- disordered eating ---
	{id: "ed_purge", pat: "make|made|making|force|forcing|forced ~1 myself ~1 throw|sick|vomit|puke|purge", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_purging", pat: "purging|purge|purged | binge and purge | binging|bingeing and purging | laxatives | diet pills | water loading | chew and spit", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_not_eaten", pat: "not|barely|hardly ~1 eaten|eating|eat ~3 [ days | week | weeks | since | anything | properly | all day | in days | a day ]", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_starving", pat: "starving|starve|starved|restricting|restrict|restricted myself | restricting|restrict|restricted my food|eating|calories", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_fear_weight", pat: "terrified|scared|afraid|panic|panicking ~2 gaining|gain|weight|food|eating|eat", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_named", pat: "my eating disorder | my ed | anorexia|anorexic|bulimia|bulimic|arfid|thinspo|meanspo|bonespo|proana | binge eating disorder | pro ana | ed relapse|thoughts|voice", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_calories", pat: "only ~2 eat|ate|eating|allow ~3 calories | only allow myself", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_skip_meals", pat: "skip|skipping|skipped ~1 every|all|most ~1 meals|meal | skip|skipping|skipped meals ~2 [ to lose | again | on purpose ]", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_body_disgust", pat: "disgusted by my body | hate my body | feel|so|too fat | need to be thinner | need to lose more | eat|ate nothing", cat: CatDisorderedEating, lvl: LevelLow, kind: kOther},
	{id: "ed_deserve", pat: "do not deserve to eat | do not deserve food | not allowed to eat", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_purge3", pat: "makes|made|making|forces|forcing ~1 herself|himself|themselves ~1 throw|sick|vomit|puke|purge", cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, third: true},
	{id: "ed_count", pat: "count|counting|counted every calorie | weigh|weighing myself ~2 times a day|every day|constantly", cat: CatDisorderedEating, lvl: LevelLow, kind: kOther},

	// --- psychosis signs ---
	{id: "ps_voices", pat: "hear|hearing|heard|hears ~1 voices|voice|whispers|whispering ~4 [ nobody | no one | others | telling | tell | head | not | real | there | when ]", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_voices_tell", pat: "voices|voice ~2 tell|telling|told|tells|command|commanding|order|ordering|say|says|keep|saying|talking ~1 me|i", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_voices_harm", pat: "voices|voice ~5 hurt|kill|harm|cut|punish|die|jump|end|burn", cat: CatPsychosis, lvl: LevelHigh, kind: kOther},
	{id: "ps_agents", pat: "government|cia|fbi|aliens|demons|satellites|neighbors|neighbours|everyone|they|people|someone|police ~4 are|is|keep|have|has ~2 watching|following|tracking|monitoring|spying|controlling|poisoning|reading ~1 me|my", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_broadcast", pat: "tv|television|radio|news|songs|billboards|internet|plates|phone|computer ~3 sending|talking|speaking|signals|messages|talks|speaks ~2 to|for|me|her|him|them", cat: CatPsychosis, lvl: LevelModerate, kind: kOther, notIf: "accessibility|narrate|narrates|narrator|menu|audio|alexa|siri|settings|subtitles|smart|assistant|podcast|interview|advert|ad|ads|scam|spam|marketing"},
	{id: "ps_thoughts", pat: "thoughts|mind|brain ~2 being|are|is|get|getting ~1 broadcast|broadcasted|stolen|inserted|controlled|read|taken|hacked", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_implant", pat: "implant|implanted|chip|tracker|device|camera|cameras ~3 in|under|inside my|me", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_grandiose", pat: "i am ~1 god | i am jesus | i am the messiah | i am the chosen one | chosen by god | i am a prophet | i am immortal | i am invincible | being tested by god | mission from god | special mission", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_seeing", pat: "see|seeing|saw ~1 things|people|shadows|figures|faces|bugs ~4 not|nobody|others|real", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_not_real", pat: "nothing|everything|everyone|world|life|people ~1 is|feels|are ~1 [ not real | a simulation | fake ] | replaced by ~1 imposter|imposters|impostor|impostors|robot|robots|clone|clones|aliens | i am living in a simulation", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_no_sleep_mania", pat: "not|have slept ~2 days|nights|week ~8 energy|invincible|racing|god|genius|unstoppable|ideas|mission", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},

	// --- topic cues (low unless scoped up) ---
	{id: "cue_suicide", pat: "suicide|suicidal|suicides|suicidality", cat: CatSuicidalIdeation, lvl: LevelLow, kind: kCue},
	{id: "cue_self_harm", pat: "self harm | self harms | self harming | self injury | cutting | nssi", cat: CatSelfHarm, lvl: LevelLow, kind: kCue},
	{id: "cue_eating", pat: "eating disorder|disorders | anorexia|bulimia|purging", cat: CatDisorderedEating, lvl: LevelLow, kind: kCue},
	{id: "cue_psychosis", pat: "psychosis|psychotic|hallucinations|hallucinating|delusions|delusional|schizophrenia|hallucinate", cat: CatPsychosis, lvl: LevelLow, kind: kCue},

	// --- third-person forms (subject third_party by construction) ---
	{id: "tp_kill_self", pat: "@kill @refl3", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kIntent, third: true},
	{id: "tp_end_life", pat: "@end3", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation, third: true},
	{id: "tp_wants_die", pat: "he|she|they|friend|brother|sister|son|daughter|mom|dad|partner|wife|husband|boyfriend|girlfriend|roommate|cousin ~3 wants|wanted|wishes|wished|is|was|keeps ~2 [ to die | dead | to be dead ] | wants|wanted|wishes|wished to end it | wants|wanted|wishes|wished to not be here | wants|wanted|wishes|wished to disappear", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation, third: true},
	{id: "tp_suicidal", pat: "he|she|they|friend|brother|sister|son|daughter|mom|dad|partner|wife|husband|boyfriend|girlfriend|roommate|cousin ~1 is|was|are|were|seems|sounds|feels|might|may ~2 suicidal", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation, third: true},
	{id: "tp_hurting_self", pat: "cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|burn|burns|burning|starving|starves|starve|scratching|scratches @refl3", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm, third: true},
	{id: "tp_goodbye", pat: "he|she|they|friend|brother|sister|son|daughter|roommate|mom|dad|partner|husband|wife|boyfriend|girlfriend ~3 gave|giving|gives ~3 away | he|she|they ~3 not need ~2 them|it|anything|things ~2 [ soon | anymore | much longer ] | he|she|they|friend|brother|sister|son|daughter|roommate|mom|dad|partner|husband|wife|boyfriend|girlfriend ~3 said|saying|texted|posted|sent me|us|everyone? goodbye | he|she|they|friend|brother|sister|son|daughter|roommate ~3 wrote|left|posted a ~1 note|letter", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye, third: true},
	{id: "tp_took_pills", pat: "he|she|they|friend|brother|sister|son|daughter|mom|dad|roommate|partner|husband|wife ~3 took|swallowed|taken ~3 pills|bottle|many|overdose|lot|handful", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct, third: true},
}

// Scope cue sets.
var (
	negators = set("not", "never", "no", "nobody", "neither", "nor", "without", "stopped", "quit", "denies", "deny")

	firstPerson = set("i", "me", "my", "myself", "mine", "im", "i'm")
	thirdPerson = set("he", "she", "they", "him", "her", "them", "his", "hers", "their", "himself", "herself", "themselves", "themself", "toddler", "baby", "infant", "grandmother", "grandfather", "stepson", "stepdaughter", "girl", "boy", "guy", "woman", "man", "teammate", "sibling", "siblings", "parent", "parents", "loved",
		"friend", "friends", "brother", "sister", "mom", "dad", "mother", "father", "son", "daughter", "kid", "kids", "child", "children",
		"partner", "boyfriend", "girlfriend", "husband", "wife", "roommate", "classmate", "coworker", "colleague", "cousin", "uncle",
		"aunt", "grandma", "grandpa", "grandmother", "grandfather", "student", "students", "patient", "client", "neighbor", "neighbour",
		"teen", "teenager", "flatmate", "housemate", "grandad", "granddad", "nan", "nana", "granny", "aunt", "uncle", "someone", "somebody", "bestie", "bff", "fiance", "fiancee", "niece", "nephew", "stepdad", "stepmom", "ex", "buddy", "mate", "person")
	// Verbs of reported speech that make a first-person quote belong to
	// someone else ("my friend said 'I want to die'").
	reportVerbs    = set("said", "says", "told", "tells", "texted", "posted", "wrote", "writes", "mentioned", "admitted", "confided", "keeps", "saying", "telling", "posting", "messaged")
	hypoCues       = []string{"what if", "would you rather", "if i ever", "if you ever", "if someone", "if somebody", "if a person", "if a friend", "if anyone", "hypothetically", "suppose", "supposing", "imagine", "pretend", "in a story", "in my story", "my character", "a character", "the character", "in a novel", "in my novel", "in the book", "in the movie", "in the film", "in the show", "in a game", "the game", "in the song", "lyrics", "fiction", "screenplay", "a poem", "my poem", "role play", "roleplay"}
	infoCues       = set("safe", "dangerous", "do", "tells", "told", "attention", "seeking", "selfish", "normal", "signs", "sign", "warning", "symptoms", "statistics", "stats", "rate", "rates", "prevention", "prevent", "research", "study", "studies", "risk", "factors", "facts", "myths", "myth", "history", "essay", "paper", "presentation", "class", "course", "training", "define", "definition", "meaning", "mean", "means", "true", "asking", "idea", "ideas", "tips", "advice", "ways", "difference", "treated", "treatment", "treatments", "treat", "hotline", "helpline", "number", "numbers", "resources", "resource", "common", "causes", "cause", "why", "awareness", "documentary", "article", "news", "report", "recognize", "recognise", "spot", "approach", "ask", "talk", "support", "help", "respond", "say", "handle", "psychology", "nursing", "school", "project", "teach", "teaching", "explain", "normal", "learn", "understand", "difference", "lethality", "related", "linked", "therapy", "therapist", "therapists", "counselor", "counsellor", "book", "books", "podcast", "film", "show", "policy", "protocol", "assessment", "screening", "screen", "questions")
	questionStarts = set("how", "what", "why", "is", "are", "can", "could", "do", "does", "should", "where", "when", "which", "who", "would", "any")
	pastCues       = []string{"used to", "years ago", "year ago", "months ago", "month ago", "when i was younger", "when i was a teen", "when i was a kid", "when i was in high school", "when i was in school", "when i was in college", "in high school", "as a teenager", "as a teen", "as a kid", "as a child", "when i was little", "childhood", "growing up", "in the past", "back then", "back in", "clean for", "years clean", "year clean", "months clean", "recovered", "recovery", "in recovery", "survivor", "my old", "how far i have come", "used to have", "last time was", "old scars", "haven't cut", "have not cut", "haven't hurt myself", "have not hurt myself", "haven't self harmed", "have not self harmed", "i was suicidal", "i used to be", "was in a dark place", "got help", "got better", "my past", "previous attempt", "long time ago", "a while ago", "years since", "long ago", "past attempt", "haven't felt", "have not felt", "proud of", "milestone", "anniversary"}
	presentCues    = []string{"again", "lately", "these days", "tonight", "right now", "this week", "relapse", "relapsed", "coming back", "came back", "are back", "is back", "started again", "starting again", "these thoughts"}
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
