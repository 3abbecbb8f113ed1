package safety

// Rules for the categories that generalised worst to new writers (issue 9,
// round 5): harm to others, psychosis, medical emergencies, disordered
// eating and abuse, told about the writer or about someone else. Written
// from clinical knowledge of how these present (the warning signs that
// crisis-line and safeguarding guidance lists: targeting and access to a
// weapon; command hallucinations, persecutory and reference beliefs;
// overdose, mixed substances, cyanosis, diabetic crises; restriction,
// compensation and body checking; coercive control, strangulation,
// threats, injuries a child or colleague turns up with) and from the
// misses on the training sources other engineers wrote (train_written,
// train_written2, train_extra2). They join conceptRules, so the pattern
// lint and the classifier's rule read-out see them. Every rule has
// examples, with everyday sentences that share its words, in
// rules_weak_test.go.

// weakMacros are the word classes these rules share.
var weakMacros = map[string]string{
	// someone who could be in danger from the writer
	"target": "him|her|them|he|she|they|my|his|their|ex|boss|manager|neighbour|neighbor|stepdad|stepfather|dad|father|teacher|bully|bullies|coworker|colleague|bloke|guy|girl",
	// substances beyond @drug: recreational drugs and named medicines
	"sub": "warfarin|propranolol|lorazepam|clonazepam|alprazolam|temazepam|mirtazapine|venlafaxine|trazodone|gabapentin|pregabalin|metformin|digoxin|methadone|heroin|cocaine|mdma|ecstasy|ketamine|ghb|amphetamine|amphetamines|zolpidem|ambien|nytol|antihistamines | @drug",
	// what a family member or partner is called in these rules
	"kin": "mom|dad|father|mother|stepdad|stepmom|stepfather|brother|sister|stepbrother|stepsister|uncle|aunt|cousin|grandad|grandpa|nan|grandma|husband|wife|partner|boyfriend|girlfriend|ex|son|daughter|carer",
}

var weakRules = []rule{
	// --- harm to others: a target, a plan, a weapon, a place ---
	{id: "ho_target_place", pat: "know|found|find ~1 out? ~1 where ~2 @target ~1 lives|live|parks|works|drinks|sleeps|goes | know|got ~2 his|her|their ~1 address|car|commute|routine|shifts",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, with: "regret|smug|pay|weapon|knife|bat|gun|crowbar|blade|hurts|hurt|road|suffer|waiting|outside",
		notIf: "party|present|gift|surprise|card|flowers|parcel|visit|dinner|birthday|christmas|lift|pick|collect"},
	{id: "ho_sitting_outside", pat: "sitting|waiting|parked|standing|watching ~2 outside ~2 his|her|their|the ~1 house|flat|place|work|school|gates|office",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, with: "regret|pay|knife|blade|bat|gun|weapon|crowbar|hurts|hurt|smug|suffer",
		notIf: "interview|appointment|lift|pick|collect|taxi|uber|delivery|kids|children|parents|meeting"},
	{id: "ho_weapon_waiting", pat: "waiting|standing|sitting|hiding ~6 with ~1 a|the|my ~1 @weapon ~3 in ~1 my ~1 pocket|bag|hand|car | @weapon ~2 in ~1 my ~1 pocket|bag|hand|car ~8 waiting|outside|at|for",
		cat: CatHarmToOthers, lvl: LevelImminent, kind: kOther, notIf: "fishing|camping|hunting|kitchen|cooking|chef|garden|gardening|diy|work|tools|allotment|baseball|cricket|softball"},
	{id: "ho_bring_weapon", pat: "bringing|bring|taking|take|carrying|carry ~2 a|the|my ~1 @weapon ~3 to|into ~2 work|school|class|office|meeting|party | have|got ~2 the|a ~1 @weapon ~3 in ~1 the ~1 car ~12 know ~2 address|where",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, notIf: "kitchen|cooking|chef|catering|culinary|woodwork|shop|diy|camping|hunting|fishing|baseball|cricket|softball|prop|costume|play|drama|show"},
	{id: "ho_got_gun_doorway", pat: "got|have|holding ~2 his|her|their ~1 gun|knife|pistol|rifle|shotgun",
		cat: CatHarmToOthers, lvl: LevelImminent, kind: kOther, with: "doorway|asleep|passed|bedroom|standing|outside",
		notIf: "hunting|range|shooting|club|licence|license|cleaning|safe|locked|kitchen|cooking"},
	{id: "ho_weapon_in_car", pat: "have|got ~2 the|a|my ~1 @weapon ~3 in ~1 the|my ~1 car|bag|pocket|coat|jacket",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, with: "address|lives|house|ex|boss|manager|boyfriend|girlfriend|waiting",
		notIf: "baseball|cricket|softball|camping|fishing|hunting|kitchen|cooking|chef|picnic|tools|diy|work|job|safety|self|defence|defense|legal"},
	{id: "ho_bringing_weapon_to", pat: "bringing|bring|taking|carrying ~2 a|the|my ~1 knife|gun|blade|machete|bat|hammer|axe",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, with: "manager|boss|teacher|coworker|colleague|bully|bullies|ex",
		notIf: "kitchen|cooking|chef|picnic|camping|cake|bread|cheese|butter|fruit|sharpen|sharpening|shop|repair|back|return|baseball|cricket|softball|diy|tools"},
	{id: "ho_drive_into", pat: "drive|driving|plough|ploughing|plow|ram|ramming|steer ~3 into|through ~2 the? ~1 people|crowd|pedestrians|them|him|her|queue | run|running ~5 off the road",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, notIf: "game|gta|dream|nightmare|film|movie|accidentally|nearly|almost|cyclist|lorry|deer"},
	{id: "ho_spike_drink", pat: "put|putting|slip|slipping|add|adding|spike|spiking ~3 [ something|poison|bleach|antifreeze | @sub ] ~3 in|into ~1 his|her|their ~1 drink|food|tea|coffee|dinner|meal | rat poison ~8 him|her|them|his|her",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, notIf: "sugar|milk|honey|lemon|salt|spice|spices|garlic|ice|syrup|sauce|dog|cat|medicine|prescribed|crushed|hide|hiding|antibiotics|worming"},
	{id: "ho_follow_home", pat: "been|keep|kept ~1 following ~1 her|him|them ~3 home|around ~12 make|understand|ignore|mine|pay",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther},
	{id: "ho_kill_when", pat: "kill ~1 [ my ~1 @kin | him | her ] ~6 [ not joking | i am serious | i mean it | not kidding | this time ]",
		cat: CatHarmToOthers, lvl: LevelHigh, kind: kOther, notIf: "lol|haha|lmao|cake|chocolate|ate|eating|borrowed|finds|find|found|sees|see|forgot|forget|late|mess|messy|laundry|car|phone|joke|jk"},
	// someone else who may harm others (third party)
	{id: "ho_tp_says_kill", pat: "says|said|saying ~2 he|she|they ~1 [ could | will | would | is going to | wants to ] ~1 kill|hurt|stab|shoot ~1 someone|somebody|people|him|her|them|the | he|she|they|son|brother|partner|flatmate ~4 [ going to | will ] ~1 do something ~1 to ~2 the|my|his|her|that ~1 neighbour|neighbor|teacher|boss|ex|guy",
		cat: CatHarmToOthers, lvl: LevelModerate, kind: kOther, third: true, notIf: "joke|joking|laughing|game|lol|haha|coffee|pizza|chocolate|burger|beer|nap|sleep|holiday"},
	{id: "ho_tp_violent_posts", pat: "posting|posted|posts|writing|wrote ~3 violent|threatening|threats ~4 about|to|against ~2 a|the|his|her|their ~1 teacher|school|classmate|classmates|ex|boss|people | looking up ~1 knives|guns|weapons ~12 bully|bullies|hurting|kids",
		cat: CatHarmToOthers, lvl: LevelModerate, kind: kOther, third: true},

	// --- psychosis: perception, persecution, reference, commands ---
	{id: "ps_name_called", pat: "hear|hearing|heard ~3 my name ~8 [ no one | nobody | nothing | not there | empty ] | someone|something|voice|voices ~2 calling|whispering|saying|call|calls ~1 my name ~10 [ no one | nobody | not there | empty | alone ] | hear|hearing|heard ~2 someone|people|voices ~2 whisper|whispering|calling|call ~2 my name",
		cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_through_walls", pat: "talking|plotting|planning|whispering ~2 about|against ~1 me ~4 through ~1 the|my ~1 walls|wall|vents|vent|ceiling|floor|sockets|socket|smoke|laptop|webcam|mirror|tv|plug | watching|spying|listening ~2 on? ~1 me|him|her|us ~3 through ~1 the|my|his|her ~1 walls|wall|vents|vent|ceiling|sockets|socket|smoke|laptop|webcam|mirror|tv|plug",
		cat: CatPsychosis, lvl: LevelModerate, kind: kOther, notIf: "baby|monitor|party|music|dog|dogs|argument|arguments|arguing|row|rows|fighting|noise|noisy|loud|renovation|drilling|builders|thin|sex|snoring"},
	{id: "ps_know_thoughts", pat: "they|people|everyone|he|she|someone ~2 know|knows|hear|hears|read|reads|can|control|controls ~2 what i am thinking | thoughts are not my|mine ~1 own? | someone|something ~2 is? ~1 putting ~1 them|thoughts ~2 in|into ~1 there|my",
		cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_device_in", pat: "chip|tracker|tracking|transmitter|camera|microchip|device ~3 in|inside|into ~1 my|his|her ~1 tooth|teeth|head|brain|body|arm|neck|ear|skin | radio waves|signals|frequencies|microwaves ~6 into|at|through ~2 our|my|his|her|the ~1 bedroom|house|head|room|flat | put ~2 foil ~2 on|over ~2 the ~1 windows|walls",
		cat: CatPsychosis, lvl: LevelModerate, kind: kOther, notIf: "vet|dog|cat|pet|insulin|pacemaker|hearing|aid|implant|cochlear|contraceptive|coil|filling|crown|brace|braces|wifi|router|signal|reception|phone|oven|kitchen"},
	{id: "ps_coded_messages", pat: "sending|sent|send|sends ~2 me|him|her|them ~1 coded|secret|hidden ~1 messages|signals | receiving|getting|gets|receives ~1 messages|signals ~3 from ~1 aliens|god|satellites|the tv|the radio|his laptop|her laptop | presenters|newsreaders|newsreader|presenter ~4 talk|talking|talks ~2 to|about ~1 me|her|him | actors ~6 script|following ~2 about? ~1 me",
		cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_poison_water", pat: "neighbours|neighbors|government|they|people|someone|police|doctors|nurses|carers|staff|family ~3 poisoning|poison|poisoned|drugging|drugged|contaminating ~2 my|his|her|the|our ~1 water|food|garden|drink|drinks|tea|meals|air",
		cat: CatPsychosis, lvl: LevelModerate, kind: kOther, notIf: "pesticide|pesticides|weedkiller|spray|sprayed|slugs|council|lead|pipes|recall|factory|pollution|river"},
	{id: "ps_swapped", pat: "swapped|switched|replaced ~3 for|with|by ~1 an? ~1 imposter|impostor|imposters|double|clone|fake | is not really ~1 my|our ~1 baby|husband|wife|mom|mom|dad|son|daughter",
		cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_command_prove", pat: "voice|voices|angels|god|devil|demon|demons ~4 says|said|told|tells|want|wants|telling ~2 me? ~2 i? ~1 have|need|must|to ~3 jump|prove|walk|burn|drown|sacrifice|cleanse|purify",
		cat: CatPsychosis, lvl: LevelHigh, kind: kOther},
	{id: "ps_devil_in", pat: "devil|demon|demons|evil|satan ~2 is|are? ~1 in|inside ~2 my|the|our ~1 baby|son|daughter|child|kid|husband|wife | get|getting|drive|driving|cast ~1 the? ~1 devil|demon|demons|evil ~1 out ~1 of ~2 my|the|our ~1 baby|son|daughter|child|kid",
		cat: CatPsychosis, lvl: LevelHigh, kind: kOther},
	{id: "ps_chosen", pat: "angels|god|voices|spirits ~3 told|tell|tells|say|says ~2 me ~3 [ chosen | special | the one ] | i am the one ~4 prove|chosen|save",
		cat: CatPsychosis, lvl: LevelModerate, kind: kOther},
	{id: "ps_followed_car", pat: "same ~1 car|van|man|people|person ~4 every ~1 day|night|time ~6 following|watching|outside|followed | being followed ~6 they|car|everywhere|van",
		cat: CatPsychosis, lvl: LevelModerate, kind: kOther, notIf: "school|run|bus|commute|train|neighbour|postman|delivery"},

	// --- medical emergencies: overdose, mixing, cyanosis, diabetes ---
	{id: "me_whole_box", pat: "took|swallowed|downed|taken ~2 the|a|my|mom|her|his ~1 whole|entire|full ~1 box|packet|bottle|strip|pack|blister|tub|sheet",
		cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct, notIf: "chocolates|cereal|biscuits|cookies|crisps|chips|tissues|wine|beer|water|juice|cake|pizza|photos|vitamins|gum|mints|sweets|candy"},
	{id: "me_mixing", pat: "mixing|mixed|combining|combined|taking|took ~3 his|her|their|my ~1 @sub ~3 with ~2 loads|lots|some|a ~2 of? ~1 [ @sub | alcohol|vodka|drink|drinks|booze|gin|wine|beer|rum|cider ] | @sub ~2 and|with ~1 @sub ~8 confused|bleeding|drowsy|sick|vomiting|dizzy|breathing|heart|shaking",
		cat: CatMedicalEmergency, lvl: LevelHigh, kind: kOther, notIf: "safe|safely|okay|ok|fine|allowed|should|can|could|doctor|pharmacist|prescribed|interaction|interactions|question"},
	{id: "me_blue", pat: "lips|face|fingers|skin|fingertips ~2 is|are|going|gone|turning|turned|look|looks|looking ~1 blue|grey|gray|purple | blue lips",
		cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther, notIf: "cold|swim|swimming|lolly|slushie|ice|paint|makeup|lipstick|dye|costume|smurf|avatar|raspberry|blueberries|blueberry|freezing|winter|snow|ocean|sea|pool"},
	{id: "me_not_moving", pat: "lying|lies|collapsed|found ~6 not moving|breathing|responding | not moving ~6 floor|stairs|ground|bathroom|bed|bottom | smell of gas",
		cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther, third: true},
	{id: "me_no_insulin", pat: "have|has|had not ~1 taken|had|used|injected ~1 my|his|her|any? ~1 insulin ~12 vomiting|sick|breathing|confused|drowsy|faint|thirsty|pear|fruity | stopped|stopping|skipping|skipped ~1 taking? ~1 her|his|my ~1 insulin ~12 vomiting|sick|breathing|confused|drowsy|faint|lose|weight",
		cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "me_will_not_stop_bleeding", pat: "[ will not | can not | does not | would not ] ~1 stop ~1 bleeding | nose ~3 bleeding ~6 confused|dizzy|faint|warfarin|hours",
		cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther},
	{id: "me_stimulant_heart", pat: "took|taken|did|done ~3 lot|lots|loads|much|bag|gram|grams|line|lines ~2 of? ~1 speed|cocaine|mdma|ecstasy|pills|ket|ketamine|amphetamine|amphetamines",
		cat: CatMedicalEmergency, lvl: LevelImminent, kind: kOther, with: "heart|chest|arm|breathing|breathe|overheating|shaking|seizure|fitting|collapsed|faint"},
	{id: "me_took_all_of", pat: "took|swallowed|taken|downed ~1 all ~1 of? ~6 @pills",
		cat: CatMedicalEmergency, lvl: LevelImminent, kind: kAct, notIf: "prescribed|course|antibiotics|vitamins|doctor|told|supposed|should|instructions|nurse"},
	{id: "me_took_then_more", pat: "took|take|taken ~2 some ~1 @sub ~3 then|and ~1 some|more ~8 [ @sub | more|#many ] | maybe|about|around ~1 #many ~1 @sub ~8 sick|drowsy|dizzy|vomiting|shaking|confused",
		cat: CatMedicalEmergency, lvl: LevelHigh, kind: kOther, notIf: "prescribed|doctor|dose|label|advice|hours|apart"},

	// --- disordered eating: restriction, compensation, body checks ---
	{id: "ed_under_calories", pat: "under|below|less than ~1 # ~1 calories|cals|kcal ~2 a|per|today|each? ~1 day? | stay|staying|keep|keeping ~1 under|below ~1 # ~1 a|per ~1 day | under ~1 # ~1 today",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, notIf: "budget|spend|spending|pounds|dollars|euros|quid|steps|words|minutes|hours|mph|speed|degrees|limit|bpm|miles|km"},
	{id: "ed_goal_weight", pat: "gw|ugw|cw ~1 # | goal weight ~6 lower|under|underweight|keeps|dropping | bmi ~4 under|below|lower|down ~2 #|to|fifteen|sixteen",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_binge_fast", pat: "binge|binged|binging|bingeing ~8 fast|fasting|starve|starving|purge|purging|restrict|restricting|make up for it|sick | fast|fasting ~4 to ~1 make up ~1 for",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, notIf: "watch|watched|watching|show|series|netflix|tv|episodes|season"},
	{id: "ed_hunger_win", pat: "skipping|skipped|skip ~1 meals|breakfast|lunch|dinner|food ~6 winning|progress|proud|control|strong|deserve|thinner | hunger|hungry ~3 = | hunger pangs ~3 progress|good|winning|proud|strong|worth",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_bathroom_after", pat: "bathroom|toilet|loo ~3 straight|right|immediately ~1 after ~2 every|each|meals|meal|eating|dinner|lunch | after ~1 every|each ~1 meal ~3 bathroom|toilet|tap",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_weighs_food", pat: "weighs|weighing|weigh ~3 food|meals|everything ~4 eats|eat|ate|scale|plan|planned? | weighs|weighing ~1 herself|himself|myself ~3 [ obsessively | constantly | every | several times | # times | all the time ]",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, notIf: "recipe|baking|bake|bodybuilding|competition|dietitian|diabetic|diabetes|carbs|coach"},
	{id: "ed_tiny_pieces", pat: "cutting|cuts|cut ~1 her|his|my|their ~1 food ~2 into ~1 tiny|small|little ~1 pieces | pushing|pushes ~3 food ~3 around ~1 the|her|his|my ~1 plate",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther},
	{id: "ed_lost_weight_sign", pat: "lost ~3 weight|kg|kilos|pounds|lbs|stone ~12 faint|faints|fainted|fainting|dizzy|period|hair|cold|furious|angry|hides|hiding|refuses|barely|only|exhausted|grey|obsessed|bathroom|thin",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, notIf: "surgery|cancer|chemo|illness|ill|covid|flu|operation|pregnant|baby|breastfeeding|diabetes|thyroid|grief|funeral|wedding|healthy|doctor|dietitian|plan|programme|program|slimming"},
	{id: "ed_only_eats", pat: "only|just ~1 eats|eat|eating|ate ~2 one|an|1|a ~1 meal|apple|salad|yoghurt|yogurt|cracker|piece | only|just ~1 eats|eat|eating|ate ~1 once ~1 a ~1 day | only ~1 drinks|drink|drinking ~3 [ black coffee | water | juice | diet coke | coffee ]",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, with: "weight|lost|thin|kg|faint|furious|angry|obsessed|obsessive|calories|hungry|cranky|exercise|gym|spin|running|runs|trains|weighs|fat|skinny"},
	{id: "ed_period_stopped", pat: "period|periods ~2 stopped|stop|gone|disappeared|missing",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, with: "weight|eating|kg|thin|lost|ran|running|calories|food|meals|skipping|underweight|bmi", notIf: "pregnant|pregnancy|menopause|coil|pill|contraceptive|implant|breastfeeding|pcos"},
	{id: "ed_juice_only", pat: "for ~1 #|three|four|five|six|two ~1 days|weeks ~2 on ~1 water|juice|coffee ~1 only? | water|juice ~1 only ~2 for ~1 #|three|four|five|six|two ~1 days|weeks | detoxing|detox|fasting ~12 exhausted|grey|faint|dizzy|punish",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, notIf: "surgery|colonoscopy|procedure|ramadan|hospital|doctor|religious|lent|yom"},
	{id: "ed_rather_die", pat: "rather ~1 die|dead ~1 than ~2 [ gain | eat | put on | get fat | be fat | weigh ]",
		cat: CatDisorderedEating, lvl: LevelHigh, kind: kOther},
	{id: "ed_lose_fast", pat: "lose|drop|losing|dropping ~1 # ~1 pounds|lbs|kg|kilos|stone ~4 in ~1 a|one|#|two ~1 week|weeks|days",
		cat: CatDisorderedEating, lvl: LevelModerate, kind: kOther, with: "unhealthy|starve|starving|whatever|dangerous|care|fasting|laxatives"},

	// --- abuse against the writer, and seen in someone else ---
	{id: "ab_controls_money", pat: "controls|control|controlling|takes ~2 all ~1 the|my|our ~1 money|finances|bank|cards ~8 me|my|i | calls|called|calling ~1 me ~3 [ worthless | useless | stupid | pathetic | a mistake | nothing | a waste ] ~6 every|all|constantly|daily | wishes|wished ~3 aborted ~1 me",
		cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "ab_scared_of_him", pat: "[ has not | have not | never | does not ] ~1 hit|touched|hurt ~1 me ~2 but ~3 scared|afraid|terrified|punched|threw|smashed | i am ~1 scared|afraid|terrified ~1 of ~1 him|her",
		cat: CatAbuse, lvl: LevelModerate, kind: kOther, notIf: "spider|spiders|dog|clown|clowns|heights|film|movie|finding|find|know|reaction|disappointed|grades|results|telling"},
	{id: "ab_threat_report", pat: "threatens|threatened|threatening ~1 to ~1 report|deport|call ~3 [ immigration | police | social services | the home office ] | threatens|threatened ~3 take|taking ~2 the|my ~1 kids|children|baby|visa|passport",
		cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "ab_stalked", pat: "keeps|kept|keep ~1 showing|turning ~1 up ~2 at ~1 my ~1 work|house|door|flat|school|home | texting|messaging|calling ~1 me ~2 from ~1 new|different|fake ~1 numbers|accounts|profiles | saying|says|said ~2 he|she|they ~1 is|are ~1 watching me",
		cat: CatAbuse, lvl: LevelModerate, kind: kOther},
	{id: "ab_thrown_against", pat: "threw|thrown|throws|pushed|shoved|slammed|smashed ~1 me ~2 against|into|down ~2 the? ~1 wall|fridge|door|floor|stairs|table|car|cupboard | [ will | going to ] ~1 break ~1 my ~1 neck|arm|arms|legs|jaw|face|nose",
		cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "ab_throat", pat: "grabbed|grabs|squeezed|squeezes|held|holds|pressed ~1 my ~1 throat|neck | if i ~1 tell ~3 he|she|they ~1 will ~1 hurt|kill ~1 her|him|them|my|mom",
		cat: CatAbuse, lvl: LevelHigh, kind: kOther},
	{id: "ab_sibling_hits", pat: "brother|sister|stepbrother|stepsister|cousin|uncle ~2 pins|pinned|pinning|punches|punched|hits|hit|beats|kicks|strangles|chokes ~1 me",
		cat: CatAbuse, lvl: LevelModerate, kind: kOther, notIf: "game|games|playing|play|wrestling|sparring|boxing|judo|karate|lesson|joke|joking"},
	{id: "ab_tp_injuries", pat: "comes|came|turns|turned|shows|showed|arrived|arrives ~2 up? ~2 with ~1 [ bruises | burns | marks | a black eye | black eyes | a split lip | cuts ] | bruises ~4 in the shape of ~1 fingers|hand|hands|a | had|has|with ~1 a ~1 [ black eye | split lip ]",
		cat: CatAbuse, lvl: LevelModerate, kind: kOther, third: true, with: "dad|stepdad|mom|home|escape|partner|boyfriend|husband|wife|girlfriend|flinches|scared|afraid|falls|excuse|hides|hiding|parents",
		notIf: "football|rugby|hockey|boxing|match|game|bike|skate|skateboard|trampoline|playground|sport|sports|training"},
	{id: "ab_tp_beaten_with", pat: "beaten|hit|whipped|smacked|beats|hits ~1 with ~1 a|the ~1 cable|belt|stick|wire|hanger|shoe|slipper|spoon|cord | locks|locked|locking ~1 her|him|them ~1 in ~2 her|his|their|the ~1 room|cupboard|shed|basement|garage",
		cat: CatAbuse, lvl: LevelModerate, kind: kOther, third: true},
	{id: "ab_tp_lap", pat: "makes|made|making ~1 her|him ~1 sit on ~1 his|her ~1 lap | touches|touched ~1 her|him ~2 [ private | privates | down there ]",
		cat: CatAbuse, lvl: LevelModerate, kind: kOther, third: true},
	{id: "ab_pressured_sign", pat: "pressured|pressuring|pressure|forcing|forced|bullying ~4 [ sign over | give | hand over ] ~2 his|her|their|my ~1 house|home|money|savings|pension|will",
		cat: CatAbuse, lvl: LevelModerate, kind: kOther},
}
