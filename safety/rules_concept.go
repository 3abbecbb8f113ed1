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
	"drug": "pills|pill|meds|medication|medications|medicine|medicines|tablets|tablet|painkillers|paracetamol|tylenol|acetaminophen|ibuprofen|advil|aspirin|insulin|antidepressants|sertraline|prozac|fluoxetine|citalopram|xanax|valium|diazepam|benzos|opioids|oxy|oxycodone|codeine|morphine|fentanyl|lithium|prescription|prescriptions|capsules|benadryl|zopiclone|tramadol|amitriptyline|quetiapine|seroquel|sleepers|co-codamol|cocodamol|naproxen|nurofen|panadol",
	// other means and substances
	"chem":  "chemicals|chemical|bleach|ammonia|gas|fumes|antifreeze|poison|poisons|charcoal|pesticide|pesticides|weedkiller|helium|exhaust|cyanide|arsenic|nitrogen",
	"means": "rope|noose|belt|cord|knife|knives|blade|blades|razor|razors|gun|guns|pistol|rifle|shotgun|bullets|firearm | @drug | @chem",
	// getting hold of means
	"acquire": "bought|buy|buying|ordered|order|ordering|picked|collected|collecting|saved|saving|stockpiled|stockpiling|hoarded|hoarding|stashed|stashing|hid|hidden|stole|stolen|stealing|gathered|gathering|got|getting|filled",
	// looking things up
	"research": "googled|googling|google|searched|searching|search|researched|researching|research|calculated|calculating | looked|looking|look|read|reading up | reading|read about | asked|asking chatgpt|ai | watched|watching videos",
	// lethality and quantity questions
	"lethal": "fatal|lethal|deadly|toxic|poisonous|overdose|painless",
	// concealment: a time when nobody is there to stop it
	"secret": "after|when|once|while everyone|everybody|they ~1 is|are? ~1 asleep|sleeping|out|gone | after|when|once|while ~1 [ everyone | everybody | they | my parents | my family | my wife | my husband | my partner | my roommate | my flatmate | my mom | my dad | the house ] ~1 go|goes|went|has|have|is|are ~1 gone|out|to ~1 sleep|bed|asleep|work | without anyone|anybody|them|my family|my parents ~1 knowing|noticing|finding | so [ no one | nobody ] can stop me | before anyone ~1 wakes|notices|gets",
	// soon: when risk is hours away
	"near": "tonight|today|now | right now | later tonight | this evening | in an hour | in a few hours | within the hour | before morning | by morning",
	// self-harm: verbs, body parts and what shows it was harm
	"shv":      "cut|cuts|cutting|scratched|scratch|scratching|burned|burnt|burn|burning|carved|carving|punched|punching|hit|hitting|bit|biting|scraped|scraping|slashed|sliced|bashed|banged|gouged|picked|picking|stabbed|hurt|hurting",
	"body":     "arm|arms|wrist|wrists|thigh|thighs|leg|legs|skin|stomach|hip|hips|forearm|forearms|shoulder|shoulders|ankle|ankles|chest|belly",
	"shsign":   "bled|bleed|bleeding|blood|raw|scars|scarred|again|relief|release|numb|punish|deserve|deserved | to cope | calm down | calm myself | feel something | feel better | feel anything | on purpose",
	"relapse":  "relapsed|relapse|relapsing | slipped up | broke my streak | ruined my streak | lost my streak | back to it | did it again | started again",
	"hide":     "sleeves|hiding|hide|hid|covering|cover|bracelets|hoodie|jumper|plasters|bandages",
	"weapon":   "knife|knives|gun|pistol|rifle|shotgun|bat|machete|hammer|axe|crowbar|blade",
	"victim":   "him|her|them|baby|babies|newborn|toddler|son|daughter|child|kid|kids|children|wife|husband|partner|boyfriend|girlfriend|ex|boss|coworker|colleague|roommate|flatmate|mom|dad|mother|father|brother|sister|neighbour|neighbor|teacher|classmate|someone|somebody|people|everyone|stepdad|stepmom|manager",
	"lethalv":  "smother|smothering|strangle|strangling|stab|stabbing|shoot|shooting|drown|drowning|suffocate|suffocating|poison|poisoning|murder|murdering|kill|killing|choke|choking|suffocate",
	"hitv":     "punch|punching|hit|hitting|slap|slapping|shake|shaking|hurt|hurting|kick|kicking|beat|beating|shove|shoving|throw|throwing|smack|smacking|harm|harming",
	"urge":     "urge|urges|impulse|impulses|thoughts|thought|images|image|want|wanted|wanting|tempted|itching|fantasies|fantasise|fantasize|fantasising|fantasizing",
	"place":    "bridge|roof|rooftop|ledge|edge|cliff|cliffs|tracks|railway|platform|pier|overpass|flyover|balcony|multistorey|viaduct|quarry|dam|motorway|highway|carpark",
	"vehicle":  "bus|train|truck|lorry|car|cars|traffic|van|tram",
	"selfkill": "hang|hanging|hanged|hung|drown|drowning|drowned|shoot|shooting|shot|suffocate|suffocating|suffocated|electrocute|electrocuting|gas|gassing|poison|poisoning|poisoned|stab|stabbing|stabbed|overdose|overdosing",
}

var conceptRules = []rule{
	// --- means: getting hold of them, research, lethality ---
	{id: "cm_acquired", pat: "@acquire ~2 up? ~2 the|some|more|enough|extra|a|two|three|#|my|another ~1 box|boxes|packet|packets|bottle|bottles|pack|packs|lot|load? ~1 of? ~1 [ @drug | @chem ] | @acquire ~2 the|some|more|enough|extra|my ~1 @means",
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
		notIf: "dog|dogs|cat|cats|pet|pets|puppy|kitten|vet|child|toddler|baby|kids|exam|class|course|nursing|pharmacology|homework|patient|patients|book|novel|story|headache|safely|safe|maximum|max|recommended|label|doctor|pharmacist|daily|limit|limits|accidental|accidentally"},
	{id: "cm_make_lethal", pat: "to make|create|produce|mix ~1 a|an|some? ~1 deadly|lethal|fatal|toxic|poisonous ~1 gas|poison|mix|cocktail|dose|combination | can|could|should|do i ~4 mix|combine|take|use ~6 to ~1 die|kill ~1 myself?",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kMeans | kIdeation,
		notIf: "avoid|accidentally|accidental|never|safety|safe|safely|prevent|class|lab|chemistry|homework|experiment|teacher|exam|game|story|novel|book|character|weeds|pests|rats|mice|wasps|slugs"},
	{id: "cm_quick_painless", pat: "want|need ~1 it to be ~1 quick|painless|fast|peaceful | quickest|fastest|easiest|least painful|most painless ~1 way ~4 [ to die | to go | out | to end it | to do it ] | would|will|does it hurt ~2 much? ~3 die|dying|overdose|drown|hang|jump",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kPlan,
		notIf: "tattoo|piercing|injection|vaccine|surgery|wax|waxing|labour|labor|birth|dentist|filling|extraction|workout|run|exam|test|recipe|commute|route|divorce|breakup|cat|dog|pet|vet|euthanasia|put down"},
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
	{id: "cm_want_means", pat: "@think ~2 about|of ~2 step|stepping|jump|jumping|walk|walking|steer|steering|swerve|swerving|crash|crashing|drive|driving|throw|throwing|fall|falling | want|wanted|wanting|tempted|urge ~2 to ~1 step|jump|walk|steer|swerve|crash|drive|fall|let go",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve,
		notIf: "puddle|pool|lake|swim|dance|party|trampoline|bed|plane|skydive|skydiving|bungee|queue|line|home|holiday|trip|lol|haha|job|career|conclusions"},

	// --- arrangements for after ---
	{id: "cm_if_anything", pat: "if|when|once|in case ~1 [ anything happens to me | something happens to me | i am not around | i am not here | i am gone | i am no longer ] | [ look after | take care of | feed | have | keep ] ~3 my ~1 dog|cat|cats|dogs|pet|pets|kids|children|plants|fish|rabbit|hamster ~8 if|when|once|after ~2 anything|something|i|gone",
		cat: CatSuicidalIdeation, lvl: LevelNone, kind: kPlan | kGoodbye,
		notIf: "trip|holiday|vacation|flight|fly|travel|travelling|traveling|surgery|operation|hospital|deployment|deployed|tour|hike|hiking|climb|climbing|expedition|abroad|conference|work|weekend|week|weeks|month|months|festival|honeymoon|wedding|shift|shifts|will|solicitor|insurance|policy|pension|mortgage|lawyer|parenthood|guardian|guardians"},
	{id: "cm_asked_look_after", pat: "asked|told|made ~1 [ my? @rel | someone | a neighbour | a neighbor | a friend ] ~3 to ~1 [ look after | take care of | feed | have | keep ] ~1 my ~1 dog|cat|cats|dogs|pet|pets|kids|children|plants|fish|rabbit|hamster ~8 [ if anything | if something | when i am | once i am | after i am | forever | for good | i think she knows | i think he knows ]",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kGoodbye | kIdeation,
		notIf: "trip|holiday|vacation|flight|travel|surgery|operation|hospital|deployment|tour|hike|abroad|conference|work|weekend|week|festival|wedding|shift|move|moving|allergic"},
	{id: "cm_favour", pat: "[ do | doing | did ] ~1 them|everyone|everybody|the world|you all|my family ~1 a|that|the|this ~1 favour|favor | make it ~1 easier|better ~1 for everyone|everybody|them ~2 soon|tonight|by ~1 leaving|going|disappearing",
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
	{id: "cm_sh_relapse_hide", pat: "@relapse ~10 @hide | @hide ~6 [ the cuts | the scars | the marks | my arms | my wrists | my thighs | it ] ~8 @relapse | @relapse ~6 [ self harm | cutting | the cuts | the blade | cut | sh | hurting myself | harming myself ]",
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
	{id: "cm_tp_better_without", pat: "says|said|saying|keeps|thinks|believes|told|tells|texted|posted ~3 everyone|everybody|the world|we|family|people ~3 better|happier|easier ~1 off? ~1 without him|her|them",
		cat: CatSuicidalIdeation, lvl: LevelModerate, kind: kPassive, third: true,
		notIf: "dad|father|ex|husband|boyfriend|divorce|breakup|left|leaving|fired|team|coach|manager|boss"},
}
