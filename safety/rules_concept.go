package safety

// Concept rules: risk described through what a person is doing rather than
// through the usual words. Each rule combines word classes (the macros
// below: means, acquisition, research, lethality, concealment, time, body
// harm, relapse, weapons, victims) instead of spelling out one sentence, so
// "i ordered the tablets", "picked up two boxes of paracetamol" and "got the
// pills from the pharmacy" all meet the same rule. Most concept rules are
// level none on their own and contribute kinds (means, plan, timeline,
// resolve) that combineTurn turns into a level together with what else the
// turn or the conversation says; the ones that carry a level do so because
// the combination itself is the risk ("googled how many tylenol it takes").
// Every rule keeps notIf words for the everyday purposes that share the
// vocabulary (a headache, the dog, a pharmacology exam, a cake knife).
// Issue 9, round 3; docs/safety.md.

// conceptMacros are the word classes. They join the shared macro table.
var conceptMacros = map[string]string{
	// medicines and drugs someone could take too much of
	"drug": "pills|pill|meds|medication|medications|medicine|medicines|tablets|tablet|painkillers|paracetamol|tylenol|acetaminophen|ibuprofen|advil|aspirin|insulin|antidepressants|sertraline|prozac|fluoxetine|citalopram|xanax|valium|diazepam|benzos|opioids|oxy|oxycodone|codeine|morphine|fentanyl|lithium|prescription|prescriptions|capsules|benadryl|zopiclone|tramadol|amitriptyline|quetiapine|seroquel|sleepers|codamol|cocodamol|naproxen|nurofen|panadol",
	// other means and substances
	"chem":  "weedkiller|antifreeze|detergent|dishwasher|chemicals|chemical|bleach|ammonia|gas|fumes|antifreeze|poison|poisons|charcoal|pesticide|pesticides|weedkiller|helium|exhaust|cyanide|arsenic|nitrogen",
	"means": "rope|noose|belt|cord|knife|knives|blade|blades|razor|razors|gun|guns|pistol|rifle|shotgun|bullets|firearm | @drug | @chem",
	// getting hold of means
	"acquire": "bought|buy|buying|ordered|order|ordering|picked|collected|collecting|saved|saving|stockpiled|stockpiling|hoarded|hoarding|stashed|stashing|hid|hidden|stole|stolen|stealing|gathered|gathering|got|getting|filled",
	// looking things up
	"research": "googled|googling|google|searched|searching|search|researched|researching|research|calculated|calculating|reading | looked|looking|look|read|reading up | reading|read about | asked|asking chatgpt|ai | watched|watching videos",
	// lethality and quantity questions
	"lethal": "fatal|lethal|deadly|toxic|poisonous|overdose|painless",
	// concealment: a time when nobody is there to stop it
	"secret": "after|when|once|while ~1 my|the? ~1 everyone|everybody|they|parents|family|wife|husband|partner|roommate|flatmate|mom|dad|house|kids ~1 all? ~1 is|are|goes|go|has|have|falls|fall|leaves|leave|gone ~2 asleep|sleeping|out|away|sleep|bed|work|gone|leaves|leave | without anyone|anybody|them|family|parents ~1 knowing|noticing|finding | so [ no one | nobody ] can stop me | before anyone ~1 wakes|notices|gets",
	// soon: when risk is hours away
	"near": "tonight|today|now | right now | later tonight | this evening | in an hour | in a few hours | within the hour | before morning | by morning",
	// self-harm: verbs, body parts and what shows it was harm
	"shv":      "cut|cuts|cutting|scratched|scratch|scratching|burned|burnt|burn|burning|carved|carving|punched|punching|hit|hitting|bit|biting|scraped|scraping|slashed|sliced|bashed|banged|gouged|picked|picking|stabbed|hurt|hurting",
	"body":     "arm|arms|wrist|wrists|thigh|thighs|leg|legs|skin|stomach|hip|hips|forearm|forearms|shoulder|shoulders|ankle|ankles|chest|belly",
	"shsign":   "bled|bleed|bleeding|blood|raw|scars|scarred|again|relief|release|numb|punish|deserve|deserved | to cope | calm down | calm myself | feel something | feel better | feel anything | on purpose",
	"relapse":  "relapsed|relapse|relapsing | slipped up | broke my streak | ruined my streak | lost my streak | back to it | did it again | started again",
	"hide":     "sleeves|hiding|hide|hid|covering|cover|bracelets|hoodie|jumper|plasters|bandages",
	"weapon":   "knife|knives|gun|pistol|rifle|shotgun|bat|machete|hammer|axe|crowbar|blade|petrol|acid|gasoline",
	"victim":   "him|her|them|baby|babies|newborn|toddler|son|daughter|child|kid|kids|children|wife|husband|partner|boyfriend|girlfriend|ex|boss|coworker|colleague|roommate|flatmate|mom|dad|mother|father|brother|sister|neighbour|neighbor|teacher|classmate|someone|somebody|people|everyone|stepdad|stepmom|manager",
	"lethalv":  "smother|smothering|strangle|strangling|stab|stabbing|shoot|shooting|drown|drowning|suffocate|suffocating|poison|poisoning|murder|murdering|kill|killing|choke|choking|suffocate",
	"hitv":     "punch|punching|hit|hitting|slap|slapping|shake|shaking|hurt|hurting|kick|kicking|beat|beating|shove|shoving|throw|throwing|smack|smacking|harm|harming",
	"urge":     "urge|urges|impulse|impulses|thoughts|thought|images|image|want|wanted|wanting|tempted|itching|fantasies|fantasise|fantasize|fantasising|fantasizing",
	"place":    "bridge|roof|rooftop|ledge|edge|cliff|cliffs|tracks|railway|platform|pier|overpass|flyover|balcony|multistorey|viaduct|quarry|dam|motorway|highway|carpark",
	"vehicle":  "bus|train|truck|lorry|car|cars|traffic|van|tram",
	"selfkill": "hang|hanging|hanged|hung|drown|drowning|drowned|shoot|shooting|shot|suffocate|suffocating|suffocated|electrocute|electrocuting|gas|gassing|poison|poisoning|poisoned|stab|stabbing|stabbed|overdose|overdosing",
}

// conceptRules include the round-5 rules for the weak categories
// (rules_weak.go).
var conceptRules = append([]rule{
	// --- means: getting hold of them, research, lethality ---
	{id: "cm_acquired", pat: "@acquire ~2 up? ~2 the|some|more|enough|extra|a|two|three|#|my|another ~1 box|boxes|packet|packets|bottle|bottles|pack|packs|lot|load? ~1 of? ~1 [ @drug | @chem ] | @acquire ~2 the|some|more|enough|extra|my ~1 @means | @means ~2 i ~1 have? ~1 @acquire",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans,
		notIf: "headache|headaches|migraine|cold|flu|fever|period|cramps|allergy|allergies|hayfever|toothache|backache|prescribed|doctor|gp|pharmacist|refill|refilled|repeat|dog|cat|cats|dogs|vet|pet|garden|weeds|pool|cleaning|clean|bbq|barbecue|camping|hunting|range|kitchen|chef|gift|present|work|shop|store|stock|restock|holiday|trip|travel"},
	{id: "cm_take_them_secret", pat: "take|taking|swallow|swallowing|use|using|do ~1 them|it|all|everything|the ~1 all|lot? ~6 @secret | @secret ~6 take|taking|swallow|swallowing|do ~1 them|it|all|everything",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve | kTimeline | kIntent,
		notIf: "game|games|gaming|homework|study|studying|laundry|dishes|shower|bath|exam|present|presents|gift|gifts|cake|snack|snacks|party|chocolate|one|half"},
	{id: "cm_research_lethal", pat: "@research ~6 how many|much ~4 [ @drug | @chem | it ] ~4 takes|take|kill|enough|fatal|lethal|die|overdose | @research ~8 which|what ~3 [ @drug | @chem | combination ] ~4 fatal|lethal|deadly|kill|die|overdose | @research ~6 @lethal ~2 dose|doses|amount|amounts|dosage|combination | @research ~6 [ how long it takes | how long does it take | how quickly ] ~4 die|bleed|drown|suffocate",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "dog|dogs|cat|cats|pet|pets|puppy|kitten|horse|vet|child|toddler|baby|kids|exam|exams|class|course|nursing|pharmacology|toxicology|homework|lecture|patient|patients|book|novel|story|character|documentary|essay|assignment|quiz|module|accidental|accidentally|safe|safely|avoid|prevent|mushrooms|berries|plant|plants|fish"},
	{id: "cm_how_many_takes", pat: "how many|much ~2 @drug ~4 [ it takes | would it take | does it take | it would take | would take | to take to ] | how many|much ~2 @drug ~4 [ to die | to overdose | would kill | to kill | is fatal | is lethal | would be fatal | would be enough ]",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "dog|dogs|cat|cats|pet|pets|puppy|kitten|vet|child|toddler|baby|kids|exam|class|course|nursing|pharmacology|homework|patient|patients|book|novel|story|headache|pain|period|cramps|ache|aches|arthritis|sprain|sprained|injury|toothache|migraine|daily|dose|dosage|safely|safe|maximum|max|recommended|label|doctor|pharmacist|daily|limit|limits|accidental|accidentally"},
	{id: "cm_make_lethal", pat: "to make|create|produce|mix ~1 a|an|some? ~1 deadly|lethal|fatal|toxic|poisonous ~1 gas|poison|mix|cocktail|dose|combination | can|could|should|do i ~4 mix|combine|take|use ~6 to ~1 die|kill ~1 myself?",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kMeans | kIdeation,
		notIf: "avoid|accidentally|accidental|never|safety|safe|safely|prevent|class|lab|chemistry|homework|experiment|teacher|exam|game|story|novel|book|character|weeds|pests|rats|mice|wasps|slugs"},
	{id: "cm_quick_painless", pat: "want|need ~1 it to be ~1 quick|painless|fast|peaceful | [ painless | least painful | most painless | gentlest | most peaceful ] ~1 way|ways|method|methods ~4 [ to die | to go | out | to end it | to do it | to kill myself ] | [ quickest | fastest | easiest | surest | most reliable ] ~1 way|ways|method|methods ~3 [ to die | to end it | to kill myself | to end my life | to not wake up ] | ways|way|method|methods to ~1 do|end it ~4 [ do not hurt | not hurt | painless | without pain | quickly ]",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "tattoo|piercing|injection|vaccine|surgery|wax|waxing|labour|labor|birth|dentist|filling|extraction|workout|exam|test|recipe|commute|route|divorce|breakup|cat|dog|pet|vet|euthanasia|down|fish|lobster|chicken|mouse|mice|rat|rats|wasp|wasps|plant|weeds|character|story|novel|game"},
	{id: "cm_means_near", pat: "@means ~8 @near | @near ~8 take|taking|swallow|use|using ~2 the|my|all|them ~1 @means?",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kTimeline},

	// --- self as the object of a killing verb ("hang myself") ---
	{id: "cm_selfkill", pat: "@want to ~1 @selfkill myself | @think about|of ~1 @selfkill myself | tried|attempted|try|attempt to ~1 @selfkill myself | going|planning|about|decided|ready to ~1 @selfkill myself | should|will|might ~1 just? ~1 @selfkill myself",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation,
		notIf: "foot|feet|work|coffee|tea|sorrows|sorrow|music|blankets|books|junk|sugar|takeaway|photo|photos|picture|pictures|upside|fork|pencil|pen|lol|haha|lmao|jk|joking|kidding"},

	// --- past attempts with the intent to try again ---
	{id: "cm_attempt_again", pat: "tried|attempted|attempt ~8 [ try again | do it again | again ~2 soon|now|tonight|this | next time | finish it | finish the job | do it properly | do it right | get it right | will not fail | not fail this time | this time it will ] | tried|attempted|attempt ~8 i ~1 think|know|feel ~1 i ~1 will|am|might ~2 try|do ~1 it? ~1 again",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kIntent,
		notIf: "recipe|exam|test|driving|bake|baking|cake|quit|quitting|smoking|diet|marathon|climb|interview|audition|application|password|login|game|level"},

	// --- places and being there now ---
	{id: "cm_talk_out", pat: "do not ~1 try ~1 to? ~1 [ talk me out of it | talk me out | stop me | change my mind | find me | call anyone | call someone ] | [ nothing | no one | nobody ] ~1 can ~1 talk me out of it", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve},
	{id: "cm_so_easy", pat: "would|will|could ~1 be ~1 so|too|really ~1 easy | just one step | one more step | just let go | lean forward | just fall", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve,
		notIf: "recipe|test|exam|fix|bug|code|game|job|task|homework|assignment|install|setup|quiz|question|win|lol|haha"},
	{id: "cm_engine_on", pat: "car|engine ~3 on|running ~8 garage|hose|door|doors|windows ~1 shut|closed? | garage ~8 car|engine ~3 on|running", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline,
		notIf: "warm|warming|defrost|defrosting|mechanic|service|battery|charge|charging|jump|fixing|repair|rough|spark|plugs|noise|noisy|oil|mot|smell|smells|starting|start|idle|idling"},
	{id: "cm_about_to", pat: "i am ~1 about to ~1 [ jump | do it | go | take them | take it | end it | step off | let go ] | i am ~1 doing it ~1 now|tonight|today", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kTimeline | kIntent,
		notIf: "bed|sleep|work|shop|store|class|gym|shower|pool|lake|swim|party|bungee|skydive|skydiving|parachute|plane|zipline|ride|rollercoaster|interview|exam|game"},
	{id: "cm_step_in_front", pat: "step|stepping|stepped|walk|walking|walked|jump|jumping|jumped|run|running|lie|lying|throw|throwing ~1 myself? ~1 out? ~1 in front of ~2 a|the|an|that|this|oncoming|next ~1 @vehicle | step|stepping|walk|walking|run|running ~1 into|onto ~1 the? ~1 traffic|road|motorway|tracks|line",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans,
		notIf: "careful|carefully|nearly|almost|accident|accidentally|kid|child|dog|cat|toddler|photo|picture|film|movie|video"},
	{id: "cm_want_means", pat: "@think ~2 about|of ~2 step|stepping|jump|jumping|walk|walking|steer|steering|swerve|swerving|crash|crashing|drive|driving|throw|throwing|fall|falling | want|wanted|wanting|tempted|urge ~2 to ~1 [ step | jump | walk | steer | swerve | crash | drive | fall | let go ]",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve,
		notIf: "puddle|pool|lake|swim|dance|party|trampoline|bed|plane|skydive|skydiving|bungee|queue|line|home|holiday|trip|lol|haha|job|career|conclusions"},

	// --- arrangements for after ---
	{id: "cm_if_anything", pat: "[ if | when | once | in case ] ~1 [ anything happens to me | something happens to me | i am not around | i am not here | i am gone | i am no longer ]",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kPlan | kGoodbye,
		notIf: "trip|holiday|vacation|flight|fly|travel|travelling|traveling|surgery|operation|hospital|deployment|deployed|tour|hike|hiking|climb|climbing|expedition|abroad|conference|work|weekend|week|weeks|month|months|festival|honeymoon|wedding|shift|shifts|testament|solicitor|insurance|policy|pension|mortgage|lawyer|parenthood|guardian|guardians"},
	{id: "cm_care_if", pat: "[ look after | take care of | feed | have | keep | take ] ~3 my ~1 dog|cat|cats|dogs|pet|pets|kids|children|plants|fish|rabbit|hamster|bird|horse ~8 [ if anything | if something | when i am gone | once i am gone | after i am gone | when i am not | forever | for good ] | [ if anything | if something ] ~4 happens|happened ~2 to me ~8 [ look after | take care of | feed | have | keep | take ] ~3 my ~1 dog|cat|cats|dogs|pet|pets|kids|children|rabbit|hamster",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kGoodbye | kIdeation,
		notIf: "trip|holiday|vacation|flight|fly|travel|travelling|traveling|surgery|operation|hospital|deployment|deployed|tour|hike|hiking|climb|climbing|expedition|abroad|conference|work|weekend|festival|honeymoon|wedding|shift|shifts|testament|solicitor|insurance|policy|pension|mortgage|lawyer|parenthood|guardian|guardians|moving|allergic"},
	{id: "cm_asked_look_after", pat: "asked|told|made|getting|got ~4 to ~1 look|take|feed|have|keep ~3 my ~1 dog|cat|cats|dogs|pet|pets|kids|children|plants|fish|rabbit|hamster ~8 if|forever|good|knows|gone",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kGoodbye | kIdeation,
		notIf: "trip|holiday|vacation|flight|travel|surgery|operation|hospital|deployment|tour|hike|abroad|conference|work|weekend|week|festival|wedding|shift|move|moving|allergic|rain|weather|sick|ill|late"},
	{id: "cm_favour", pat: "[ do | doing | did ] ~1 [ them | everyone | everybody | the world | you all | my family ] ~1 a|that|the|this ~1 favour|favor | make it ~1 easier|better ~1 for everyone|everybody|them ~2 soon|tonight|by ~1 leaving|going|disappearing",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve,
		notIf: "party|early|work|dishes|cooking|cook|cleaning|clean|shopping|chores|lift|ride|babysit|babysitting|moving|help|homework|lol|haha|drive|driving"},
	{id: "cm_relieved", pat: "they|everyone|everybody|family|people|all ~1 would|will ~1 all? ~1 be ~1 so? ~1 relieved ~4 [ without me | if i | when i | once i | i am gone | i was gone | to be rid ]? | would|will all be relieved", cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive,
		notIf: "exam|exams|results|news|finished|done|home|back|safe|arrived|landed|surgery|operation|test|over|found|fixed|meeting|meetings|ended|end|finally"},
	{id: "cm_make_happen", pat: "[ make | making | made ] ~1 it|that|this ~1 happen | do|doing something about it | act|acting on ~1 it|them|that|those ~1 thoughts?", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve | kIntent,
		notIf: "wedding|trip|holiday|promotion|baby|party|move|date|business|dream|dreams|goal|goals|career|album|film|project|plan|plans|team|event|proposal|band|book|garden"},

	// --- self-harm relapse and body harm ---
	{id: "cm_sh_body", pat: "@shv ~2 my|the ~1 @body ~6 @shsign | @shv ~2 my|the ~1 @body ~1 up ~4 @shsign | i ~1 @shv ~2 myself ~6 @shsign | @shsign ~6 @shv ~2 my ~1 @body",
		cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm,
		notIf: "fell|fall|falling|tripped|bike|cycling|football|soccer|rugby|hockey|accident|accidentally|cooking|kitchen|garden|gardening|cat|kitten|dog|puppy|surgery|operation|nurse|doctor|eczema|rash|itchy|itching|mosquito|bites|bite|sunburn|sunburnt|sun|beach|oven|iron|stove|tattoo|shaving|shave|wax|gym|workout|climbing|rope|game|fabric|hair|paper|mosquitoes|allergy|allergic|hives|chickenpox"},
	{id: "cm_sh_relapse_hide", pat: "@relapse ~10 @hide | @relapse ~6 self|cutting|cuts|blade|cut|sh|hurting|harming",
		cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm,
		notIf: "smoking|cigarettes|vaping|vape|drinking|alcohol|beer|wine|gambling|diet|sugar|caffeine|coffee|porn|weed|nails|gaming|chocolate|sweets"},
	{id: "cm_sh_tp_seen", pat: "saw|seen|noticed|found|spotted ~3 cuts|scars|burns|marks|scratches|bruises ~2 on ~2 his|her|their|my ~2 @body",
		cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm, third: true,
		notIf: "fell|fall|bike|football|soccer|rugby|hockey|accident|cooking|surgery|operation|eczema|rash|climbing|game|sport|sports|playground|chickenpox|shaving|mosquito|bites|sunburn"},

	// --- harm to others ---
	{id: "cm_ho_weapon_place", pat: "outside|at|near|by ~2 his|her|their|my ~1 @rel? ~1 house|home|place|flat|apartment|door|work|office|school|window|car ~8 @weapon | @weapon ~8 outside|at|near ~2 his|her|their|my ~1 @rel? ~1 house|home|place|flat|apartment|door|work|office|school|window",
		cat: CatHarmToOthers, lvl: LevelImminent, kind: kOther,
		notIf: "cake|bread|kitchen|cook|cooking|dinner|bbq|barbecue|carving|pumpkin|camping|fishing|sharpen|sharpening|hunting|range|cutlery|chef|lesson|class|game|baseball|cricket|softball|toolbox|tools|diy|shed|butter|sandwich|lol|haha"},
	{id: "cm_ho_urge_lethal", pat: "@urge ~3 to ~1 @lethalv ~2 my? ~1 @victim | @urge ~2 of|about ~2 @lethalv ~2 my? ~1 @victim",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther,
		notIf: "lol|haha|lmao|jk|joke|joking|kidding|game|games|character|zombies|zombie|mosquito|fly|flies|wasp|spider|plant|plants|weeds|process|bug|bugs|😂"},
	{id: "cm_ho_urge_hit", pat: "@urge ~3 to ~1 @hitv ~2 my? ~1 @victim ~6 [ scares me | scared | scary | afraid | terrified | lose control | losing control | snap | in the face | so angry | rage ] | [ so angry | angry | rage | furious ] ~8 @urge ~2 to ~1 @hitv ~2 my? ~1 @victim",
		cat: CatHarmToOthers, lvl: LevelModerate, kind: kOther,
		notIf: "lol|haha|lmao|jk|joke|joking|kidding|game|games|pillow|pillows|wall|walls|bag|punchbag|boxing|gym|😂"},
	{id: "cm_ho_going_with", pat: "going|about|ready|planning to ~1 [ get | hurt | kill | stab | shoot | beat ] ~1 him|her|them ~8 @weapon | @weapon ~8 going|about|ready|planning to ~1 [ get | hurt | kill | stab | shoot | use it on ] ~1 him|her|them",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther,
		notIf: "game|games|zombie|zombies|character|boss|level|lol|haha|joke|joking|deer|rabbit|rabbits|pigeons|hunting"},

	// --- third parties ---
	{id: "cm_tp_better_without", pat: "says|said|saying|keeps|thinks|believes|told|tells|texted|posted ~3 [ everyone | everybody | the world | we | family | people ] ~3 better|happier|easier ~1 off? ~1 without him|her|them",
		cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive, third: true,
		notIf: "dad|father|ex|husband|boyfriend|divorce|breakup|left|leaving|fired|team|coach|manager|boss"},

	// --- distress without risk (low): counted, never escalated ---
	{id: "cm_distress_feel", pat: "feel|feels|feeling|felt|am|been|so|always|constantly|seems|everything ~2 so|really|completely|totally|just? ~1 empty|numb|hollow|worthless|hopeless|useless|miserable|depressed|invisible|broken|defeated|drained|unlovable | dead inside | feel like a failure | such a failure | a failure at everything | failing at everything",
		cat: CatSuicidalIdeation, lvl: LevelLow, kind: kCue,
		notIf: "battery|phone|game|games|lol|haha|lmao|stomach|hungry|leg|legs|arm|arms|foot|feet|fingers|toes|mouth|lip|lips|face|jaw|dentist|anaesthetic|anesthetic|injection|cold|freezing|ice|team|match|character|film|movie|book|show|song|episode|season|server|gym|workout|ski|skiing"},
	{id: "cm_distress_cry", pat: "crying|cry|cried ~3 every|all|most ~1 [ night | nights | day | days | morning | mornings | the time ] | cry|cried|crying myself to sleep | cry|crying ~3 before|after ~1 work|school|class",
		cat: CatSuicidalIdeation, lvl: LevelLow, kind: kCue,
		notIf: "baby|babies|toddler|newborn|son|daughter|kid|kids|onions|film|movie|show|episode|book|laughing|laughter|lol|haha|happy|wedding|joy"},
	{id: "cm_distress_lonely", pat: "[ nobody | no one ] ~1 texts|calls|messages|talks|cares|checks ~2 me|about | so lonely | lonely af | i have no friends | i do not have any friends | have nobody to talk to",
		cat: CatSuicidalIdeation, lvl: LevelLow, kind: kCue, notIf: "lol|haha|birthday|holiday|game|lmao"},
	{id: "cm_distress_not_si", pat: "[ not suicidal | not going to hurt myself | not going to do anything | not going to kill myself | not going to do anything stupid ] ~4 just|but|only ~3 sad|down|low|depressed|struggling|hurting|lonely|empty|numb|miserable|hopeless | never ~2 [ kill myself | do anything ] ~8 but ~3 so|really|very|just? ~1 exhausted|tired|sad|low|down|struggling|empty",
		cat: CatSuicidalIdeation, lvl: LevelLow, kind: kSafe | kCue},
	{id: "cm_distress_pointless", pat: "[ everything | life | it all ] ~1 feels|seems|is ~1 so? ~1 pointless|meaningless|grey|gray|heavy|empty|flat | can not remember ~2 last time i ~1 felt|was ~1 happy|okay|good | tired of feeling like this | so tired of it all | tired of it all | do not have the energy to ~1 pretend|care|try",
		cat: CatSuicidalIdeation, lvl: LevelLow, kind: kCue, notIf: "lol|haha|game|meeting|meetings|job|app|movie|film|show|class|lecture|weather|sky|rain|paint|wall|walls|room|colour|color"},

	// --- acts, preparations and questions told without the usual words ---
	{id: "cm_means_in_hand", pat: "@means ~3 in|on ~1 my ~1 hand|hands|lap|palm | [ counting | counted | lining | lined | laying | laid ] ~1 them|it|the|my ~1 @drug? ~1 out|up",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline | kResolve,
		notIf: "pharmacy|pharmacist|dose|doses|dosette|organiser|organizer|nurse|box|week|weekly|vitamins|chef|kitchen|cooking|washing|cleaning|dishes|drawer|sharpen|sharpening|range|hunting"},
	{id: "cm_took_many", pat: "took|taken|swallowed|downed|had ~1 #many ~3 @drug | took|taken|swallowed|downed them|it|everything ~1 all | took|taken|swallowed|downed ~2 all|whole|full|entire ~2 of? ~1 a|the|my|her|his? ~1 bottle|box|packet|pack|strip|stash ~2 of? ~2 @drug",
		cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct,
		notIf: "park|kids|school|dinner|zoo|cinema|out|home|shopping|beach|walk|photos|pictures|test|exams|quiz|classes|courses|jobs|advice|chocolates|sweets|cookies|biscuits|cake|candy|vitamins"},
	{id: "cm_about_to_jump", pat: "i am ~1 about|going|ready to ~1 jump | about to jump ~3 [ no one | nobody | goodbye | bye | sorry ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kIntent | kTimeline,
		notIf: "shower|pool|lake|river|sea|call|meeting|plane|bed|queue|car|bus|train|zoom|teams|trampoline|bungee|skydive|skydiving|parachute|puddle|wave|waves|ship|boat|class|game|discord|stream|lol|haha|conclusions|gun|ship|bandwagon|chance|hoops|rope|hurdle|hurdles|high|long|dance|joy"},
	{id: "cm_sealed", pat: "charcoal|bbq|barbecue|exhaust|gas|hose|fumes ~10 taped|sealed|towels|towel | windows|doors|door|vents ~2 are|is? ~1 taped|sealed ~8 charcoal|bbq|barbecue|exhaust|gas|hose|engine|lit",
		cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kMeans | kTimeline | kIdeation,
		notIf: "painting|paint|decorating|draught|draft|insulation|winter|mould|mold|bugs|storm|smell|leak|plumber|engineer|boiler|moving|boxes"},
	{id: "cm_ligature", pat: "belt|rope|cord|noose|ligature|cable ~3 around|round ~1 my ~1 neck", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kIdeation,
		notIf: "lanyard|necklace|pendant|headphones|guitar|camera|bag|strap|lol|haha|climbing|harness"},
	{id: "cm_into_water", pat: "walk|walking|swim|swimming ~1 into|out ~2 the ~1 sea|ocean|river|lake|water|waves ~8 [ not come back | and not stop | never come back | keep going | not stopping ] | planning|going|want|wanted|decided ~2 to ~1 walk|swim ~1 into|out ~1 the ~1 sea|ocean|river|lake",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kPlan,
		notIf: "holiday|swim|paddle|dip|wetsuit|surf|surfing|plunge|wild|lifeguard|kayak|boat|fishing|lol|haha|photo|photos"},
	{id: "cm_no_barrier", pat: "@place ~6 [ do not | does not | without | no ] ~2 barriers|barrier|fence|fences|nets|net|mesh|railings | anti jump ~1 mesh|barrier|barriers|fence|nets | [ how many | how high | what height ] ~2 floors|storeys|stories|metres|meters|feet ~6 fatal|die|survive|kill|enough",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "cycling|bike|bikes|kids|toddler|accessibility|wheelchair|photography|photo|photos|view|views|architecture|building|regulations|council|petition|campaign|safety|physics|homework|skydive|parachute|cliff diving|diving"},
	{id: "cm_whole_pack_work", pat: "whole|entire|all|full ~3 pack|packet|box|bottle|boxes ~6 [ would it | would that | will it | will that | is that | be ] ~2 work|kill|enough|fatal|definitely | can you|i ~1 overdose on ~2 @drug | [ a lot of | lots of | loads of | enough | bulk ] ~1 @drug ~8 without ~2 [ asking | questions | noticing | anyone knowing | them knowing ]",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kMeans | kIdeation,
		notIf: "vitamin|vitamins|caffeine|melatonin|accidentally|accidental|child|kid|kids|dog|cat|pet|toddler|baby|headache|period"},
	{id: "cm_where_going", pat: "not need|needing ~4 where i am going | where i am going ~4 not need|needing", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye | kPlan | kIdeation,
		notIf: "holiday|bali|beach|trip|sun|hot|warm|vacation|flight|abroad|jacket|coat|umbrella|sunscreen|lol|haha|boots|camp|university|uni|army|prison|jail|moving"},
	{id: "cm_letters_find", pat: "wrote|written|writing|left ~2 letters|letter|notes|note ~10 [ will find | find them | find it | after i | when i am gone | for after ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kGoodbye | kIdeation,
		notIf: "christmas|birthday|anniversary|wedding|thank|thanks|santa|teacher|teachers|school|holiday|card|cards|reminder|shopping|recipe|keys|key|cleaner|babysitter|plumber|delivery|feed|feeding|milkman|dinner|fridge|oven|treasure|hunt|easter|valentine|surprise"},
	{id: "cm_passwords", pat: "gave|sent|emailed|left|wrote|written|texted ~4 my? ~1 passwords ~8 [ will need | need them | after | for when | in case | afterwards ] | passwords ~6 for after | who gets what | [ tying up | tied up | tie up ] ~1 loose ends ~6 [ subscriptions | bank | credit card | landlord | will | passwords | accounts ]",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kGoodbye | kIdeation,
		notIf: "work|holiday|cover|maternity|paternity|locked|admin|wifi|netflix|shared|office|colleague|team|manager|handover|leaving|contract|divorce|separation|solicitor|lawyer|probate|estate|grandma|grandad|mom|dad|parents|will"},
	{id: "cm_cover_story", pat: "told|telling|tell ~6 i am|will|would ~1 be? ~1 [ travelling | traveling | moving | away | going away | going into hospital | on holiday | going abroad | moving abroad ] ~10 [ i am not | i will not | so she | so he | so they | so nobody | so no one ]",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "lol|haha|day|off|sick|boss|work|party|surprise|interview|date|proposal|job|exam|school|teacher|ex"},
	{id: "cm_do_it_thing", pat: "ordered|bought|got|found ~3 something|stuff ~4 [ will do it | that will do it | would do it | do the job | to do it | to end it ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kPlan | kIdeation,
		notIf: "fix|fixes|clean|cleaning|unblock|drain|mould|mold|stain|stains|trick|glue|repair|paint|hair|dye|lol|haha|weeds|slugs|mice|rats|pests|ants|wasps|cake|recipe|car|bike|garden"},
	{id: "cm_accident_insurance", pat: "[ make it look | making it look | look like ] ~1 an ~1 accident ~10 insurance|family|kids|mom|pays|payout | insurance ~6 [ if i die | pays out if i | suicide clause | payout if i ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "story|novel|book|game|character|murder|mystery|plot|writing|film|movie|episode|script|claim|car|crash|flood|fire|house|phone|laptop"},
	{id: "cm_find_me_not", pat: "police|ambulance|someone|stranger|they ~2 find me ~3 [ not my | instead of my | before my ] ~1 kids|children|family|mom|partner|son|daughter|wife|husband", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation},
	{id: "cm_be_with_dead", pat: "[ be with | see | join ] ~1 him|her|them|my ~1 @rel? ~1 again? ~3 soon|tonight|shortly ~12 died|passed|dead|lost|funeral|gone | since ~4 died|passed ~12 [ be with ] ~1 him|her|them ~1 soon|again",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation,
		notIf: "visit|visiting|grave|cemetery|memorial|flowers|headstone|birthday|anniversary|holiday|dream|dreams|heaven|photos|album|video|medium|psychic"},
	{id: "cm_done_for_good", pat: "i am ~1 done ~1 for good|forever | done with everything ~2 for good|forever", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kResolve | kIdeation,
		notIf: "job|work|school|smoking|drinking|him|her|them|dating|relationship|men|women|twitter|facebook|social|media|app|apps|game|games|diet|gym|uni|course|club|band|team|sugar|alcohol|vaping|church|politics|news"},

	// --- harm to others, told as acts ---
	{id: "cm_ho_will_pay", pat: "he|she|they|him|her|them|ex ~2 [ is going to pay | going to pay | will pay | will regret it | gets what he deserves | gets what she deserves | deserves what is coming ]", cat: CatHarmToOthers, lvl: LevelModerate, kind: kOther,
		notIf: "bill|bills|rent|dinner|drinks|lunch|fine|taxes|tax|back|for|debt|money|invoice|karma|court|lawyer|solicitor|police|lol|haha|price|cost|round"},
	{id: "cm_ho_going_weapon", pat: "going|heading|driving|walking ~3 over|round|to ~3 there|his|her|their ~6 with ~2 @weapon | standing|stood ~1 over ~1 him|her|them ~4 with ~2 @weapon | @weapon ~6 [ teach him | teach her | teach them ] ~1 a lesson",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther,
		notIf: "cake|bread|kitchen|cook|cooking|dinner|bbq|barbecue|carving|pumpkin|camping|fishing|sharpen|hunting|range|tools|diy|shed|game|baseball|cricket|softball|fix|fixing|lawnmower|mower|generator|car|lol|haha"},
	{id: "cm_ho_arson", pat: "burn|torch|torching|burning ~2 his|her|their|the ~1 car|house|flat|place|shop|home ~8 tonight|while|when|down|asleep|sleeping | set ~1 fire to ~2 his|her|their ~1 car|house|flat|place|shop|home",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, notIf: "candle|fat|calories|cd|dvd|toast|lol|haha|accidentally|accident|almost|nearly|game|film|movie|show|news"},

	// --- passive ideation told as not minding ---
	{id: "cm_passive_mind", pat: "[ would not | do not | not | never ] ~1 really|even|honestly? ~1 mind|care ~2 if|whether ~5 [ hit me | hits me | killed me | kills me | i died | i die | i did not wake | i do not wake | i never woke | i never wake | something happened | i got hit | i was gone | i was dead | i live or die | i lived or died | i wake up ]",
		cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive, notIf: "lol|haha|lmao|rain|wet|cold|boss|exam|grade|grades"},
	{id: "cm_passive_not_in", pat: "easier|better|happier|simpler ~3 if i ~1 was|were|am ~1 not|never|gone ~2 [ in it | around | here | there | alive | in their lives | in the picture | in their life ]",
		cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive, notIf: "meeting|meetings|team|project|office|kitchen|car|house|class|band|group|game|lol|haha"},
	{id: "cm_research_ways", pat: "@research ~3 ways|way|methods|method|how ~2 to ~1 [ go | die | end it | not wake up | do it | kill myself | disappear forever | overdose | end my life | never wake up ]",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "vegan|green|faster|cheaper|plastic|zero|paperless|back|abroad|travel|university|uni|college|school|work|paris|london|holiday|trip|recipe|code|bug|game|homework|lol|haha"},
	{id: "cm_sh_relapse_ctx", pat: "@relapse", cat: CatSelfHarm, lvl: LevelModerate, kind: kSelfHarm,
		with:  "hoodie|jumper|hiding|hide|cover|covering|sleeves|scars|scar|cuts|cut|cutting|blade|blades|razor|marks|bled|bleeding|wrists|thighs|arms|self|sh|plasters",
		notIf: "smoking|cigarettes|vaping|vape|drinking|alcohol|beer|wine|gambling|diet|sugar|caffeine|coffee|porn|weed|nails|gaming|chocolate|sweets|drugs|heroin|coke|cocaine|meth"},

	{id: "cm_acquire_conceal", pat: "@drug ~8 [ different | separate | several | multiple ] ~1 shops|chemists|pharmacies|stores|branches|places | [ different | separate | several | multiple ] ~1 shops|chemists|pharmacies|stores|branches ~8 @drug | @acquire ~6 @drug ~10 [ so they | so nobody | so no one | without them ] ~2 [ would not | will not | can not | do not | could not ] ~1 question|ask|notice|suspect|know",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kPlan | kIdeation,
		notIf: "shortage|shortages|stock|sold|price|prices|cheaper|cheap|deal|deals|offer|offers|discount|pharmacist|prescription|delivery"},
	{id: "cm_letters_for", pat: "wrote|written|writing|left ~2 letters|letter|notes|note ~3 for|to ~3 my|each|all|everyone|everybody", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kGoodbye | kIdeation,
		with:  "find|found|gone|goodbye|forgive|afterwards",
		notIf: "christmas|birthday|anniversary|wedding|thank|thanks|santa|teacher|teachers|school|holiday|card|cards|reminder|shopping|recipe|keys|key|cleaner|babysitter|plumber|delivery|feed|feeding|milkman|dinner|fridge|oven|treasure|hunt|easter|valentine|surprise|pen|pal|pals|penpal|job|application|reference"},

	// --- medical emergencies: a substance taken, plus symptoms ---
	{id: "cm_me_taken", pat: "took|taken|drank|swallowed|mixed|mixing|injected|had|ate|eaten ~4 [ @drug | @chem | speed | coke | cocaine | mdma | ket | ketamine | pills | extra | wrong | more ] | got ~1 into ~3 [ @drug | @chem | pills | tablets | medicine | cleaning ]",
		cat: CatMedicalEmergency, lvl: LevelNone, kind: kOther,
		notIf: "prescribed|doctor|gp|pharmacist|recommended|usual|daily|vitamins|vitamin|supplement|supplements|test|exam"},
	// --- harm to others told as a plan with a target ---
	{id: "cm_ho_intent", pat: "going|planning|about|will ~1 to? ~2 slash|stab|shoot|batter|glass|knife|acid|torch|smash|cut ~2 his|her|their|him|them ~1 face|head|throat|car|tyres|house? | pull up on ~1 him|her|them ~6 strap|gun|blade|knife|piece|tonight",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther,
		notIf: "chess|game|games|race|match|tennis|fifa|level|boss|onion|onions|cake|bread|vegetables|hair|grass|hedge|lawn|lol|haha|joke|joking|kidding|film|movie|character"},
	{id: "cm_ho_deal_weapon", pat: "[ deal with | sort out | teach | handle | get back at ] ~1 him|her|them ~2 myself|properly|once|back|tomorrow|tonight", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther,
		with:  "bat|knife|knives|gun|blade|machete|hammer|crowbar|petrol|acid|strap",
		notIf: "cricket|baseball|softball|kitchen|cake|camping|fishing|lol|haha|boss|level|game|lawyer|solicitor|police|hr|complaint|email"},
	// --- abuse under way ---
	{id: "cm_ab_weapon", pat: "threatening|threatened|threatens|threaten ~1 me ~1 with ~2 a|the|his|her|their ~1 knife|screwdriver|hammer|bat|gun|bottle|weapon|blade|scissors|belt|iron",
		cat: CatAbuse, lvl: LevelHigh, kind: kOther, notIf: "game|lol|haha|joke|joking|escape|puzzle"},
	// --- commands heard (psychosis) to harm self or others ---
	{id: "cm_ps_command", pat: "voice|voices|god|angels|angel|devil|demons|demon|they|spirits ~6 telling|tell|tells|told|says|said|commanding|command|want|wants ~1 me ~1 to ~3 jump|step|walk|drown|hang|die|hurt|cut|kill|leave|burn|stab|punish | in my head ~4 telling|tell|tells|told|says|commanding ~1 me ~1 to ~3 hurt|kill|cut|jump|die|burn|stab",
		cat: CatPsychosis, lvl: LevelHigh, kind: kOther,
		notIf: "game|games|character|novel|story|book|film|movie|song|lyrics|mum|mom|dad|teacher|boss|doctor|friend|friends|lol|haha|coach"},
}, weakRules...)
