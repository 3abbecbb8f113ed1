package safety

// situational are patterns for risk told as a situation, a preparation or
// a farewell rather than in the usual words: a place or means together with
// waiting, readiness or a check ("I'm at the tracks, waiting", "the rope is
// in my wardrobe, I look at it every night"), letters left where they will
// be found, pets given away "because she'll take better care of him", and
// finality ("this is my last message", "after tonight none of this will
// matter"). Each one needs the second, situational part: a bridge, a rope or
// a letter alone is everyday vocabulary, and the notIf words name the
// everyday purposes that share the phrasing (traffic, repairs, camping, the
// swim lesson). Issue 9, round 2; docs/safety.md.
var situational = []rule{
	// --- a place plus waiting, nerve or readiness (imminent) ---
	{id: "st_place_waiting", pat: "[ i am | standing | sitting | sat | stood | parked | been ] ~4 bridge|roof|rooftop|ledge|edge|cliff|cliffs|tracks|railway|platform|station|pier|overpass|balcony|multistorey|viaduct ~8 [ waiting | working up | the nerve | my nerve | the courage | legs hanging | legs over | so quiet | going in | the express | next train | not stop ]",
		cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kMeans | kTimeline | kIdeation,
		notIf: "traffic|late|delayed|delay|fixing|fix|repair|repairs|sunrise|sunset|lesson|view|views|photo|photos|meeting|shift|pick|picking|collect|concert|match|queue|dish|gutter|gutters|holiday|lol|haha|commute|friend|mum|mom|dad|daughter|son|kids|bus|taxi|lift|work|office|home|rain"},
	{id: "st_place_now", pat: "[ i am | standing | sitting ] on|at ~2 the|a|my ~1 bridge|roof|rooftop|ledge|edge|cliff|tracks|railway|pier|balcony ~2 now|right ~6 [ so quiet | up here | floors up | the water | over the edge | looking down | cold ]",
		cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kMeans | kTimeline | kIdeation,
		notIf: "traffic|late|stuck|fixing|repair|repairs|sunrise|sunset|view|views|photo|photos|work|commute|holiday|lol|haha|party|drinks"},
	{id: "st_car_running", pat: "car|engine ~2 is? running ~6 garage|hose | car|engine ~2 is? running ~6 door|doors ~1 shut|closed | hose ~6 exhaust|window", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kMeans | kTimeline | kIdeation, notIf: "warm|warming|defrost|defrosting|mechanic|service|rough|spark|plugs|noise|noisy|oil|mot|smell|smells|starting|start|idle|idling|battery"},
	{id: "st_locked_with_means", pat: "locked myself ~4 with ~3 pills|meds|medication|tablets|painkillers|knife|blade|razor|rope|gun", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kMeans | kTimeline | kIdeation},
	{id: "st_gun_out", pat: "got|took|taken|have ~1 the|my|dad|dads ~1 gun|rifle|pistol|shotgun out ~3 of? ~2 safe|cabinet|drawer|case|cupboard | gun|rifle|pistol ~4 loaded ~4 table|lap|beside|front", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kTimeline | kIdeation, notIf: "range|clean|cleaning|hunting|season|club|lesson|licence|license"},

	// --- means kept, checked or counted (high) ---
	{id: "st_means_kept", pat: "rope|noose|hose ~8 [ just in case | every night | look at it | check it | looking at it | checking it | it is ready | where i keep ] | the|a|my ~1 rope|noose|hose is ~1 in|under ~1 my ~1 wardrobe|closet|drawer|bag|room|car|boot|trunk|bed",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kIdeation,
		notIf: "camping|tent|boat|swing|climbing|climb|trip|garden|tow|towing|moving|washing|clothes|skipping|jump|gym|horse|dog|lead"},
	{id: "st_counting_pills", pat: "looking|look|looked|staring|stare at ~2 the|my|those ~1 pills|meds|medication|tablets|painkillers ~6 counting|count|counted|every night|again|thinking | counting|count|counted ~2 the|my ~1 pills|meds|medication|tablets|painkillers ~4 again|every|each|tonight", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kIdeation, notIf: "pharmacy|pharmacist|dose|doses|prescription|refill|box|organiser|organizer|nurse"},
	{id: "st_will_hold", pat: "beam|rafter|rafters|banister|bannister|hook|loft|pipe|railing ~6 [ will hold | it will hold | hold my weight | strong enough ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kPlan | kIdeation, notIf: "hammock|swing|shelf|shelves|tv|bike|bikes|boxes|storage|plant|plants|lamp|mirror|picture|pictures|punchbag|bag|ladder"},
	{id: "st_guess_what_for", pat: "[ you can guess | can guess | guess ] what ~2 for | bought ~4 hose|charcoal|tape ~8 [ guess | the car | the garage | exhaust ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kPlan | kIdeation, notIf: "garden|gardening|bbq|barbecue|party|birthday|present|gift|surprise"},
	{id: "st_which_place", pat: "know|picked|chosen|chose ~2 exactly? which|the ~1 bridge|cliff|building|spot|place|tracks ~4 i would|will|d|am ~1 go|use|jump|do", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation, notIf: "wedding|party|picnic|holiday|trip|date|proposal|restaurant|photo|photos|run|walk"},
	{id: "st_looked_how_high", pat: "[ looked up | checked | measured | researched | googled ] how high|tall|far|deep ~3 bridge|cliff|drop|building|fall|multistorey|balcony|window|river", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation, notIf: "tallest|world|europe|trivia|quiz|homework|project|school|engineering|record"},
	{id: "st_steer_into", pat: "[ should just | wondering if | think about | thinking about | thought about | want to | tempted to | urge to ] ~3 steer|swerve|drive|crash|veer into|off ~3 lorry|truck|tree|wall|oncoming|traffic|bus|cliff|road|barrier",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation},
	{id: "st_means_out", pat: "pills|meds|medication|tablets|painkillers ~2 are? lined up ~6 water|glass|counter|table|bed", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kMeans | kTimeline | kIdeation, notIf: "ipad|kindle|phone|laptop|vitamins|vitamin|supplements|organiser|organizer|dose"},

	// --- preparations: letters, doors, pets, belongings (high) ---
	{id: "st_letters_found", pat: "put|left|leave|placed|put ~2 the|a|my ~1 letter|letters|note|notes ~8 [ they will find | where they | for them to find | will find them | will find it | find them in the morning | someone will find ] | wrote|written|writing ~2 a|the ~1 letter|letters|note|notes ~2 for|to ~1 each|every|all ~1 of? ~1 my",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kGoodbye | kIdeation, notIf: "christmas|birthday|anniversary|wedding|thank|thanks|santa|teacher|teachers|school|holiday|card|cards|reminder|shopping|recipe|keys|key|cleaner|babysitter|plumber|delivery|feed|feeding|milkman|dinner|fridge|oven"},
	{id: "st_door_unlocked", pat: "so|that ~1 [ they | nobody | no one | he | she | someone ] ~4 [ have to break | break the door | break it down | break in | to find me ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation, notIf: "keys|key|locked out|plumber|delivery|parcel|cleaner|dog|cat|guests|party"},
	{id: "st_pet_better_care", pat: "gave|given|giving|give|left|leaving|asked ~3 my ~1 cat|dog|dogs|cats|pet|pets|rabbit|hamster|bird|horse ~8 [ better care | take care of him|her|them | look after him|her|them better | better than i ever? could | better off with her|him|them | if anything happens ]",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation, notIf: "holiday|vacation|trip|garden|allergic|allergy|allergies|landlord|moving|move|work|hours|shifts|travel|travelling|traveling|week|weekend|abroad"},
	{id: "st_give_away_things", pat: "[ giving | gave | given | give ] away ~2 my|all ~1 my? ~1 things|stuff|belongings|possessions|guitar|books|games|jewellery|jewelry", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "charity|shop|moving|move|declutter|decluttering|clearing|old|outgrown|sale|sold|minimalist|minimalism|marie|spring|garage|car boot|uni|downsizing|wedding"},
	{id: "st_wont_need", pat: "[ will not | not going to | never ] need|needing ~3 them|it|this|these|that|my ~3 after|where|past ~2 next|tonight|friday|week|this|i", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "moving|move|abroad|new|upgrade|upgraded|replaced|replace|switching|switch|bought|buying|cast|braces|crutches|exam|exams|course|job|graduate|graduation|winter|summer|holiday|trip|retire|retiring"},
	{id: "st_plan_and_date", pat: "a|the ~1 plan and a|the ~1 date|day|time | [ have decided | made up my mind | decision is made | i have decided ] ~8 pick|choose|set ~2 the|a ~1 day|date|time", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kResolve | kIdeation,
		notIf: "wedding|party|holiday|trip|vacation|move|moving|surgery|appointment|launch|exam|interview|baby|birthday|meeting|dinner|event|marathon|venue|proposal|holidays"},
	{id: "st_decided_letter", pat: "[ decision is made | made up my mind | at peace with it | i have decided ] ~8 letter|letters|note|notes|ready|written|sorted", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kResolve | kPlan | kIdeation,
		notIf: "job|offer|uni|university|course|house|flat|car|move|moving|wedding|divorce|career|resign|resignation|quit|dress|holiday|trip"},
	{id: "st_sorted_ready", pat: "[ everything is | everything s ] sorted|arranged ~8 will|passwords|who ~1 gets", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kResolve | kIdeation,
		notIf: "holiday|trip|move|moving|wedding|party|baby|house|flat|exam|surgery|solicitor|mortgage"},

	{id: "st_place_at", pat: "[ i am | standing | sitting | sat | stood | parked ] ~4 on|at|in ~3 bridge|roof|rooftop|ledge|edge|cliff|cliffs|tracks|railway|pier|multistorey|viaduct|overpass|balcony", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans | kTimeline,
		notIf: "traffic|late|stuck|fixing|fix|repair|repairs|sunrise|sunset|lesson|view|views|photo|photos|meeting|shift|work|commute|holiday|lol|haha|party|drinks|friends|pick|picking|concert|gig|walk|walking|hike|hiking|tour|trip|sun|sunbathing|beer|wine|coffee|lunch|dinner|breakfast|barbecue|bbq"},
	{id: "st_nerve", pat: "working|building|work|build|getting|get ~1 up ~1 the|my ~1 nerve|courage", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve,
		notIf: "ask|asking|tell|telling|call|calling|talk|talking|quit|apply|confront|speak|propose|text|message|email|perform|sing|audition|dive|swim|interview|date|boss|her|him|doctor|therapist|help"},
	{id: "st_going_in", pat: "i am going in | i am going to go in | i will go in", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve, notIf: "work|office|shop|store|meeting|class|interview|tomorrow|monday|late"},
	{id: "st_pick_day", pat: "[ just | only | now i ] ~1 need|have to ~1 pick|choose|set the|a ~1 day|date|time", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation,
		notIf: "wedding|party|holiday|trip|vacation|move|moving|surgery|appointment|launch|exam|interview|baby|birthday|meeting|dinner|event|marathon|venue|proposal|holidays|dentist|doctor|viewing|delivery|christening|funeral"},
	{id: "st_measured_beam", pat: "measured|tested|checked ~2 the|a ~1 beam|rafter|rafters|banister|bannister|beams", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kPlan | kIdeation,
		notIf: "builder|builders|surveyor|survey|conversion|extension|insulation|shelf|shelves|swing|hammock|renovation|carpenter|joist|joists|joiner|roofer|architect|plans|planning|woodworm|damp"},

	// --- finality and farewells ---
	{id: "st_last_message", pat: "this is ~1 my|the ~1 last|final message|post|text|goodbye", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye | kIdeation,
		notIf: "holiday|trip|flight|signal|battery|break|weekend|tonight|today|work|meeting|shift|leave|promise|lol|haha|thread|before|until|till"},
	{id: "st_reads_this", pat: "by the time ~2 anyone|you|someone|they|somebody ~2 reads|read|see|sees|finds this ~4 gone|dead|over|done", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kGoodbye | kTimeline | kIdeation,
		notIf: "flight|plane|holiday|trip|airport|office|asleep|bed|married|landed"},
	{id: "st_not_around", pat: "[ do not plan | not planning | am not planning | will not | am not going ] on? ~1 [ be around | being around | be here | being here ] ~3 for|after|by|at|much|long|next|christmas|birthday|summer|new",
		cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kIntent,
		notIf: "holiday|holidays|trip|vacation|office|work|moving|move|abroad|visit|visiting|party|travel|travelling|traveling|away|working|shift|uni|course|job|home|weekend|off|till|until|visiting|exams|exam|back|sleep|plants"},
	{id: "st_last_day_deal", pat: "[ last day | last time | after today | after tomorrow | soon | after tonight ] ~3 [ anyone | no one | nobody ] ~2 has|have|will|needs|need ~1 to? ~1 [ deal with me | put up with me | worry about me | look after me ]", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kTimeline},
	{id: "st_finally_peace", pat: "finally ~3 be|at ~1 peace|free|gone ~4 tonight|today|soon|tomorrow | tonight|today ~4 finally ~2 be ~1 at peace|free", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kIdeation | kTimeline | kResolve,
		notIf: "exam|exams|revision|loan|loans|debt|debts|school|uni|job|work|term|shift|decision|contract|braces|cast|lockdown|chores|homework|deadline|kids|holiday|weekend|results|boss|paid|mortgage|divorce|ex|weekend|semester"},
	{id: "st_no_more_pain", pat: "no more pain|suffering|hurting ~4 tonight|soon|forever | at peace ~3 no more pain|suffering", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation,
		notIf: "surgery|operation|physio|tooth|dentist|knee|back|hip|painkillers|treatment|injection|recovery|doctor|cream|migraine"},
	{id: "st_nothing_matter", pat: "after ~1 tonight|today|tomorrow|this ~3 [ none of this | nothing ] will ~1 matter", cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kIdeation | kTimeline | kResolve, notIf: "exam|exams|results|match|game|interview|election|deadline"},
	{id: "st_goodbye_unknown", pat: "[ saying | said | say ] goodbye ~4 [ without them knowing | they do not know | nobody knows ] | without them knowing ~2 it is goodbye | [ my way of | quietly ] saying goodbye", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye | kIdeation},
	{id: "st_tell_love", pat: "please ~1 tell my ~1 @rel ~1 i ~1 love|loved", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kGoodbye | kIdeation, notIf: "birthday|party|later|dinner|call"},
	{id: "st_funeral_wish", pat: "[ at my funeral | my funeral ] ~4 song|music|playlist|wear|flowers|played|want|like", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation, notIf: "lol|haha|lmao|joke|joking|old|someday|eventually"},
	{id: "st_soon_not_burden", pat: "soon|tonight|tomorrow ~4 [ will not be a burden | will not be a problem | be free of me | rid of me ] | [ will not be a burden | be rid of me | free of me ] ~4 soon|tonight|made sure", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kTimeline,
		notIf: "team|bug|work|office|rent|money|loan|job|moving|move"},
	{id: "st_better_without_soon", pat: "better|happier ~1 without me ~6 soon|tonight", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation | kTimeline},
	{id: "st_stop_permanently", pat: "want|wanted|need ~1 to ~1 stop|end|sleep ~3 permanently|forever | want|wanted|need ~1 to ~1 stop|end ~3 for good", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kIdeation, notIf: "smoking|drinking|vaping|job|work|diet|meds|medication|therapy|relationship|seeing|talking|texting|gambling|caffeine"},
	{id: "st_pills_after_drink", pat: "then|and ~2 finish|take|swallow ~2 the|all|rest ~3 of? ~2 the|my ~1 bottle|box|packet|rest ~2 of? ~1 pills|meds|medication|tablets|painkillers", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kMeans | kIntent | kIdeation},

	// --- acts and third parties ---
	{id: "st_swallowed_pack", pat: "swallowed|took|taken|take ~3 whole|entire|all|every ~3 packet|bottle|box|pack|strip|one ~2 of? ~2 my? ~1 pills|meds|medication|tablets|painkillers|paracetamol|ibuprofen|tylenol|aspirin|insulin | took|injected|taken all ~1 my ~1 insulin ~3 at once",
		cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct, notIf: "chocolates|chocolate|cookies|biscuits|cake|candy|sweets|chips|crisps|course|prescribed|antibiotics"},
	{id: "st_swallowed_pack_si", pat: "swallowed|took|taken ~3 whole|entire|all|every ~3 packet|bottle|box|pack|strip ~2 of? ~2 my? ~1 pills|meds|medication|tablets|painkillers|paracetamol|ibuprofen|tylenol|aspirin | took|injected|taken all ~1 my ~1 insulin ~3 at once",
		cat: CatSuicidalIdeation, lvl: LevelImminent, kind: kAct, notIf: "chocolates|chocolate|cookies|biscuits|cake|candy|sweets|chips|crisps|course|prescribed|antibiotics"},
	{id: "st_wont_stop_bleeding", pat: "[ will not | does not | can not | not ] stop bleeding | bleeding ~2 through ~2 the|a|my? ~1 towel|bandage|towels | blood ~3 soaking|soaked|soaks|through ~3 the|a|my? ~1 towel|bandage|towels|clothes|sheets|bed | cut ~2 deeper than i ~1 meant|wanted|intended", cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct,
		notIf: "nose|nosebleed|gums|period|dog|cat|finger|lip|tooth"},
	{id: "st_how_to_hang_3", pat: "researching|research|researched|looking|looked|googling|googled|searching ~2 how to ~1 hang|kill|drown|poison|end ~1 @refl3", cat: CatSuicidalIdeation, lvl: LevelHigh, kind: kPlan | kIdeation, third: true},
	{id: "st_leave_threat", pat: "if i ~2 try? to? leave|go|tell ~4 he|she|they ~1 will|would ~1 kill|burn|hurt|find|take ~4 me|house|kids", cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "st_voices_stop", pat: "voices|voice ~12 [ have to | must | need to | going to ] stop|kill|hurt|get ~1 him|her|them", cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "st_voices_poison", pat: "voices|voice ~3 say|says|said|tell|telling ~4 poisoning|poisoned|after me|watching me|following me", cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
}

// threatsIfLeave are abuse threats tied to leaving or telling, in either
// order ("he'll come for me if I leave", "if I tell, she'll hurt me").
var threatsIfLeave = []rule{
	{id: "st_come_for_me", pat: "[ will | would | going to ] ~1 come|coming for|after me ~3 if i ~1 leave|go|tell|report", cat: CatAbuse, lvl: LevelHigh, kind: kOther, notIf: "lol|haha|joking|joke|tickle|homework|rent|money"},
	{id: "st_check_nightly", pat: "i ~1 check|checking|look|looking at? ~1 it|them ~2 every|each ~1 night|day|morning", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kResolve | kTimeline},
	{id: "st_means_hidden", pat: "rope|noose|hose ~2 in|under|inside ~1 my ~1 wardrobe|closet|drawer|bed|room|boot|trunk", cat: CatSuicidalIdeation, lvl: LevelNone, kind: kMeans,
		notIf: "camping|tent|boat|swing|climbing|climb|trip|garden|tow|towing|trailer|moving|washing|clothes|skipping|gym|horse|dog|lead"},
}
