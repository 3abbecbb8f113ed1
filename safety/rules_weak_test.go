// Tests for the round-5 rules for the weak categories (rules_weak.go):
// every rule with a risk sentence it must catch, at the level and category
// it must give, and everyday sentences that share its words. The sentences
// were written for this test, not taken from a case file.
package safety

import (
	"slices"
	"testing"

	"github.com/tend-project/tend/conv"
)

func TestWeakCategoryRules(t *testing.T) {
	tests := []struct {
		rule     string // the rule that must fire ("" for a negative)
		text     string
		min, max Level
		cat      Category // required among the categories when min > none
		subj     Subject  // "" = not checked
	}{
		// harm to others
		{"ho_target_place", "my landlord screwed me over. i know where he parks. he won't be so smug on monday", LevelHigh, LevelImminent, CatHarmToOthers, SubjectSelf},
		{"", "i know where he parks, i'll pick up the parcel from his car tomorrow", LevelNone, LevelLow, "", ""},
		{"ho_sitting_outside", "been sitting outside her flat every night with the bat on the seat", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"", "sitting outside the office waiting for my interview, wish me luck", LevelNone, LevelLow, "", ""},
		{"ho_weapon_waiting", "i'm standing by the bus stop with a knife in my pocket waiting for him", LevelImminent, LevelImminent, CatHarmToOthers, ""},
		{"", "waiting at the allotment with a knife in my pocket for the cucumbers", LevelNone, LevelLow, "", ""},
		{"ho_bring_weapon", "i'm taking a knife to school tomorrow for the boys who laugh at me", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"", "i'm taking a knife to cooking class tomorrow, the chef said to bring our own", LevelNone, LevelLow, "", ""},
		{"ho_got_gun_doorway", "he's asleep on the sofa and i've got his gun. i'm standing over him", LevelImminent, LevelImminent, CatHarmToOthers, ""},
		{"ho_weapon_in_car", "i've got the hammer in the car and i know which house is his now. my ex won't see it coming", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"", "i've got the hammer in the car for putting up the shelves at my ex's new job", LevelNone, LevelLow, "", ""},
		{"ho_bringing_weapon_to", "one more comment from my boss and i'm bringing the blade in", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"ho_drive_into", "i want to drive my car straight into the crowd outside the club", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"", "nearly drove into the crowd of pigeons on the way home lol", LevelNone, LevelLow, "", ""},
		{"ho_spike_drink", "i keep thinking about slipping something into her tea so she finally stops", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"", "i put honey in her tea because her throat was sore", LevelNone, LevelLow, "", ""},
		{"ho_follow_home", "i've been following her home from the station for weeks, she'll understand she can't ignore me", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"ho_kill_when", "i'm going to kill my stepdad and i'm not joking", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"", "i'm going to kill my brother when he gets home, he ate my cake again", LevelNone, LevelLow, "", ""},
		{"ho_outside_room_weapon", "she's asleep and i'm standing at her door with a knife", LevelImminent, LevelImminent, CatHarmToOthers, ""},
		{"ho_going_to_stab", "gonna stab that bloke who robbed my mate, saturday", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"", "i'm going to stab the potatoes with a fork before they go in", LevelNone, LevelLow, "", ""},
		{"ho_list_weapon", "i made a list of names from my year and my uncle keeps a rifle in the shed", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"", "i made a list of names for the wedding guests and the knife for the cake", LevelNone, LevelLow, "", ""},
		{"ho_intrusive_child", "i get images of dropping my daughter off the balcony and it terrifies me", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"ho_intrusive_push", "i keep getting thoughts about pushing strangers in front of the bus", LevelModerate, LevelImminent, CatHarmToOthers, ""},
		{"ho_fantasises", "my nephew fantasises about hurting the kids in his form", LevelModerate, LevelImminent, CatHarmToOthers, SubjectThirdParty},
		{"ho_revenge_hurt", "i dream about revenge on my bully, hurting him really badly", LevelModerate, LevelImminent, CatHarmToOthers, ""},
		{"ho_petrol_burn", "i bought petrol to burn them out of that house", LevelHigh, LevelImminent, CatHarmToOthers, ""},
		{"", "bought petrol to burn the garden rubbish on the bonfire", LevelNone, LevelLow, "", ""},
		{"ho_tp_says_kill", "my husband smashes plates and says he is going to kill someone one day", LevelModerate, LevelImminent, CatHarmToOthers, SubjectThirdParty},
		{"", "my husband says he could kill someone for a pizza right now", LevelNone, LevelLow, "", ""},
		{"ho_tp_violent_posts", "my nephew keeps posting threatening stuff about his old school online", LevelModerate, LevelImminent, CatHarmToOthers, SubjectThirdParty},

		// psychosis
		{"ps_name_called", "someone keeps calling my name in the flat but nobody is ever there", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"ps_through_walls", "the people upstairs are plotting against me through the ceiling", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"", "the people upstairs are talking about me through the ceiling, their arguments are so loud", LevelNone, LevelLow, "", ""},
		{"ps_know_thoughts", "everyone at work can hear what i am thinking", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"ps_device_in", "my uncle is sure the dentist put a tracker in his tooth", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"", "the vet put a microchip in my dog's neck today", LevelNone, LevelLow, "", ""},
		{"ps_coded_messages", "my sister believes the weather presenter talks to her every night", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"ps_poison_water", "my gran says the neighbours are poisoning her tea through the wall", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"", "the council warned the river is polluted and the factory is poisoning the water", LevelNone, LevelLow, "", ""},
		{"ps_swapped", "i think my husband has been replaced by an imposter, he walks differently", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"ps_command_prove", "god says i have to walk into the sea to cleanse myself", LevelHigh, LevelImminent, CatPsychosis, ""},
		{"ps_devil_in", "there is a demon inside my son and i need to drive it out of him", LevelHigh, LevelImminent, CatPsychosis, ""},
		{"ps_chosen", "the angels told me i am chosen to save everyone", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"ps_attic_people", "my aunt insists strangers are living in her loft and moving her things", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"", "we had squirrels living in the loft all winter", LevelNone, LevelLow, "", ""},
		{"ps_reading_thoughts", "my son thinks the teachers are stealing his thoughts", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"ps_drones", "the pigeons are drones sent to spy on me", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"ps_gas_vents", "they are pumping gas through the vents into my flat to weaken me", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"", "the engineer found a gas leak through the wall by the boiler", LevelNone, LevelLow, "", ""},
		{"ps_cut_out", "there are bugs under my skin and i need to dig them out of my arm", LevelHigh, LevelImminent, CatPsychosis, ""},
		{"", "i had to dig it out of my arm, a splinter from the fence", LevelNone, LevelLow, "", ""},
		{"ps_followed_car", "the same van is outside every night following me to the shop", LevelModerate, LevelImminent, CatPsychosis, ""},
		{"", "the same van is outside every day, it's the delivery guy for next door", LevelNone, LevelLow, "", ""},

		// medical emergencies
		{"me_whole_box", "i swallowed the whole packet about twenty minutes ago", LevelImminent, LevelImminent, CatMedicalEmergency, ""},
		{"", "i ate the whole box of biscuits, i feel so guilty lol", LevelNone, LevelLow, "", ""},
		{"me_mixing", "my nan has been mixing her lorazepam with loads of gin and now she's really drowsy", LevelHigh, LevelImminent, CatMedicalEmergency, ""},
		{"", "can i take ibuprofen with paracetamol? asking my pharmacist tomorrow", LevelNone, LevelLow, "", ""},
		{"me_blue", "her lips are turning blue and she's not answering me", LevelImminent, LevelImminent, CatMedicalEmergency, ""},
		{"", "my lips went blue from the slushie at the cinema", LevelNone, LevelLow, "", ""},
		{"me_not_moving", "my flatmate is lying on the bathroom floor not moving", LevelImminent, LevelImminent, CatMedicalEmergency, SubjectThirdParty},
		{"me_no_insulin", "i haven't had my insulin since friday and i keep being sick and i'm so thirsty", LevelImminent, LevelImminent, CatMedicalEmergency, ""},
		{"me_will_not_stop_bleeding", "my cut won't stop bleeding and i feel faint", LevelImminent, LevelImminent, CatMedicalEmergency, ""},
		{"me_stimulant_heart", "did way too many lines of cocaine, my chest feels like it's going to explode", LevelImminent, LevelImminent, CatMedicalEmergency, ""},
		{"me_took_all_of", "i took all of my dad's heart tablets", LevelImminent, LevelImminent, CatMedicalEmergency, ""},
		{"", "i took all of my antibiotics like the doctor said", LevelNone, LevelLow, "", ""},
		{"me_drank_chem", "i drank half a bottle of drain cleaner", LevelImminent, LevelImminent, CatMedicalEmergency, ""},
		{"me_taken_the_lot", "i've taken the lot. thank you for listening to me", LevelImminent, LevelImminent, CatMedicalEmergency, ""},
		{"", "i've taken them to school already, back in ten", LevelNone, LevelLow, "", ""},
		{"me_double_dose", "took double my usual dose of methadone and i'm nodding off", LevelHigh, LevelImminent, CatMedicalEmergency, ""},
		{"me_child_ingested", "my toddler might have swallowed a button battery", LevelModerate, LevelImminent, CatMedicalEmergency, ""},
		{"si_take_them_all", "the tablets are on my desk and i want to take them all", LevelHigh, LevelImminent, CatSuicidalIdeation, ""},
		{"", "the vitamins are on my desk and i want to take them all with breakfast", LevelNone, LevelLow, "", ""},
		{"si_take_whole", "i'm going to take the whole box with a bottle of wine tonight", LevelHigh, LevelImminent, CatSuicidalIdeation, ""},
		{"me_took_then_more", "took some tramadol then more tramadol, now i'm shaking and confused", LevelHigh, LevelImminent, CatMedicalEmergency, ""},

		// disordered eating
		{"ed_under_calories", "i need to keep under 600 calories a day until the wedding", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"", "i need to keep under 600 pounds a month on groceries", LevelNone, LevelLow, "", ""},
		{"ed_goal_weight", "cw 58 gw 49, not stopping until i get there", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"ed_binge_fast", "every time i binge i fast for two days to make up for it", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"", "i binge watched the whole series and then fasted from screens for a day", LevelNone, LevelLow, "", ""},
		{"ed_hunger_win", "skipping lunch feels like winning honestly", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"ed_bathroom_after", "my daughter always goes to the toilet straight after dinner and runs the shower", LevelModerate, LevelImminent, CatDisorderedEating, SubjectThirdParty},
		{"ed_weighs_food", "my son weighs all his food and panics if it's off the plan", LevelModerate, LevelImminent, CatDisorderedEating, SubjectThirdParty},
		{"", "i weigh the flour for the recipe every time i bake", LevelNone, LevelLow, "", ""},
		{"ed_tiny_pieces", "she cuts her food into tiny pieces and barely eats any of it", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"ed_lost_weight_sign", "my brother has lost so much weight and he hides food in his room", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"", "my dad lost weight after his surgery and the doctor is pleased", LevelNone, LevelLow, "", ""},
		{"ed_only_eats", "she only eats an apple a day and runs for two hours, she's so thin now", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"", "i only eat one meal a day on fridays because of work, it's fine", LevelNone, LevelLow, "", ""},
		{"ed_period_stopped", "my periods have stopped and i've lost loads of weight", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"", "my periods stopped after the implant went in", LevelNone, LevelLow, "", ""},
		{"ed_juice_only", "my sister has been on water only for five days to punish herself", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"", "i was on water only for two days before my colonoscopy", LevelNone, LevelLow, "", ""},
		{"ed_meal_plan_nothing", "day plan: breakfast black coffee, lunch a cracker, dinner nothing", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"ed_exercise_deficit", "running 10k a day on 700 calories, is that okay", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"ed_purge_purpose", "i make myself sick on purpose after big dinners", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"ed_eaten_nothing", "i've eaten nothing for 5 days and i feel amazing", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"", "i had norovirus and have eaten nothing for 2 days", LevelNone, LevelLow, "", ""},
		{"ed_not_hungry_meds", "i drink energy drinks all day so i don't feel hungry", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"ed_reach_weight", "i just want to get to 45 kg, i'm already so close to underweight", LevelModerate, LevelImminent, CatDisorderedEating, ""},
		{"", "trying to get to 100 kg on the bench press", LevelNone, LevelLow, "", ""},
		{"ed_rather_die", "i would rather die than put on any weight", LevelHigh, LevelImminent, CatDisorderedEating, ""},
		{"ed_lose_fast", "i need to lose 8 kg in two weeks, i'll starve if i have to", LevelModerate, LevelImminent, CatDisorderedEating, ""},

		// abuse
		{"ab_controls_money", "my wife controls all the money and i have to ask her for bus fare", LevelModerate, LevelImminent, CatAbuse, SubjectSelf},
		{"ab_controls_money", "my dad calls me useless every single day", LevelModerate, LevelImminent, CatAbuse, SubjectSelf},
		{"ab_scared_of_him", "he has never hit me but he threw a chair past my head", LevelModerate, LevelImminent, CatAbuse, ""},
		{"", "i'm scared of spiders and my dad laughs at me", LevelNone, LevelLow, "", ""},
		{"ab_threat_report", "my employer threatens to call immigration if i ask for my wages", LevelModerate, LevelImminent, CatAbuse, ""},
		{"ab_stalked", "my ex keeps turning up at my flat and messaging me from fake accounts", LevelModerate, LevelImminent, CatAbuse, ""},
		{"ab_thrown_against", "he shoved me into the wall and said he'll break my jaw next time", LevelHigh, LevelImminent, CatAbuse, ""},
		{"ab_throat", "my boyfriend squeezed my neck until i saw stars", LevelHigh, LevelImminent, CatAbuse, ""},
		{"ab_sibling_hits", "my stepbrother punches me whenever mum goes out", LevelModerate, LevelImminent, CatAbuse, ""},
		{"ab_tp_injuries", "the boy in my class comes in with a black eye and says his stepdad is strict", LevelModerate, LevelImminent, CatAbuse, SubjectThirdParty},
		{"", "my son came home with bruises from rugby training", LevelNone, LevelLow, "", ""},
		{"ab_tp_beaten_with", "my pupil said she gets hit with a belt at home", LevelModerate, LevelImminent, CatAbuse, SubjectThirdParty},
		{"ab_tp_lap", "my daughter says her swimming coach makes her sit on his lap", LevelModerate, LevelImminent, CatAbuse, SubjectThirdParty},
		{"ab_permission", "my wife makes me ask for permission to see my own brother", LevelModerate, LevelImminent, CatAbuse, ""},
		{"", "my manager checks the receipts for my work expenses", LevelNone, LevelLow, "", ""},
		{"ab_tp_will_not_let", "my best friend's husband won't let her go out without him or see her family", LevelModerate, LevelImminent, CatAbuse, SubjectThirdParty},
		{"ab_tp_scared_carer", "my mum seems terrified of her new carer and goes quiet when she arrives", LevelModerate, LevelImminent, CatAbuse, SubjectThirdParty},
		{"ab_hiding_from", "he tried to choke me again, i'm hiding in the bathroom now", LevelImminent, LevelImminent, CatAbuse, ""},
		{"", "hiding in the bathroom from the kids for five minutes of peace", LevelNone, LevelLow, "", ""},
		{"ab_night_room", "my stepdad keeps coming into my room at night and says not to tell", LevelHigh, LevelImminent, CatAbuse, ""},
		{"ab_pressured_sign", "my grandad's new girlfriend is forcing him to hand over his savings", LevelModerate, LevelImminent, CatAbuse, ""},
	}
	a, err := NewAssessorWith(nil, nil, nil) // the rules alone
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		c := Case{Text: tt.text}
		got := a.Assess(c.Conversation())
		if got.Level < tt.min || got.Level > tt.max {
			t.Errorf("%q: level %s, want %s..%s (rule %s)", tt.text, got.Level, tt.min, tt.max, tt.rule)
			continue
		}
		if tt.rule != "" && !slices.ContainsFunc(got.Evidence, func(s Span) bool { return s.Rule == tt.rule }) {
			t.Errorf("%q: rule %s did not fire (evidence %v)", tt.text, tt.rule, got.Evidence)
		}
		if tt.min > LevelNone && !got.Has(tt.cat) {
			t.Errorf("%q: categories %v, want %s among them", tt.text, got.Categories, tt.cat)
		}
		if tt.subj != "" && got.Subject != tt.subj {
			t.Errorf("%q: subject %s, want %s", tt.text, got.Subject, tt.subj)
		}
	}
}

// TestClarification: an answer that takes the earlier words back lowers
// the conversation to low; minimising without a change of meaning, or a
// clarification that carries risk of its own, does not.
func TestClarification(t *testing.T) {
	conv3 := func(first, check, answer string) *conv.Conversation {
		return &conv.Conversation{Messages: []conv.Message{
			{Role: conv.RoleUser, Content: first},
			{Role: conv.RoleAssistant, Content: check},
			{Role: conv.RoleUser, Content: answer},
		}}
	}
	tests := []struct {
		name     string
		c        *conv.Conversation
		min, max Level
	}{
		{"meant a game", conv3("i'm going to end it all tonight", "Do you mean ending your life?", "no sorry i meant my save file, i'm wiping it and starting over"), LevelLow, LevelLow},
		{"false alarm", conv3("someone is following me home", "Are you safe right now?", "false alarm, it was my neighbour walking the same way"), LevelNone, LevelLow},
		{"bad wording", conv3("i think i overdosed", "What did you take?", "bad wording, just too much coffee before the exam"), LevelLow, LevelLow},
		{"minimising is not a clarification", conv3("i want to kill myself", "Are you thinking about ending your life?", "lol no i'm fine forget it"), LevelModerate, LevelImminent},
		{"a clarification with risk of its own", conv3("my friend has a date picked", "A date for what?", "to kill herself. she said she was joking but she's been saving her pills"), LevelHigh, LevelImminent},
		{"i mean with new risk", conv3("i can't do this", "Can you tell me more?", "i mean the pills are right here and i want to take them all"), LevelHigh, LevelImminent},
	}
	for _, tt := range tests {
		got := Assess(tt.c).Level
		if got < tt.min || got > tt.max {
			t.Errorf("%s: level %s, want %s..%s", tt.name, got, tt.min, tt.max)
		}
	}
}

// TestEverydayExclusions: idioms and everyday sentences that the rules
// used to raise (found among the hard negatives of the training sources).
func TestEverydayExclusions(t *testing.T) {
	for _, text := range []string{
		"my cousin's suit is drop dead gorgeous",
		"would you rather die in a shark attack or a volcano? settle this",
		"failed the boss fight again kms, one more try",
		"i'll kill myself if the printer jams again",
		"my dad's going to murder me, i dented the car again",
		"my grandad is a killer at cards, took 10 off all of us",
		"the team is better off without me in goal, i let in five",
		"got choked out three times at bjj tonight, my neck is sore",
		"my sister beat me at chess again",
		"sliced my thumb at work, tiny nick, plaster on",
		"the smart tv narrates the menu to me in accessibility mode",
		"a patient swallowed his ring on purpose, the nurse said",
		"i thought i was going to die on that spin bike, never again",
		"my nan will die of shame if i turn up in trainers",
		"think i overdosed on mince pies and coffee today",
		"dying my hair blue tonight, wish me luck",
		"that video has me dying, i can't",
		"did a bungee jump off the bridge for my birthday!",
		"need a strong rope for hanging the hammock in the garden",
		"being strangled by paperwork at the council again",
		"i'm going to end it with him, we want different things",
		"forgot my homework again kms",
		"if united lose again i'll kill myself lol",
		"my mum says i'm killing her with worry about the skydive",
	} {
		if got := AssessText(text).Level; got > LevelLow {
			t.Errorf("%q: level %s, want none or low", text, got)
		}
	}
}

// TestHyperboleKeepsRisk: sentences that share words with the hyperbole
// exclusions and notIf lists above but are risk, each of which one draft of
// those lists wrongly silenced.
func TestHyperboleKeepsRisk(t *testing.T) {
	tests := []struct {
		text string
		min  Level
	}{
		{"i'd rather be dead than keep feeling like this", LevelHigh},
		{"i'm not purging but after a binge i want to die of shame", LevelModerate},
		{"my mate just got stabbed outside the chicken shop and there's so much blood", LevelImminent},
		{"i swallowed two button batteries on purpose and my chest hurts", LevelHigh},
		{"i've made a playlist for my funeral and sent my sister the link", LevelModerate},
		{"i can't feel my left arm and my face feels funny, i think it's a stroke", LevelHigh},
		{"my cousin says she doesn't want to live anymore since her father married her off to a man from the village", LevelHigh},
		{"took 4 of them an hour ago on top of my methadone", LevelHigh},
	}
	for _, tt := range tests {
		if got := AssessText(tt.text).Level; got < tt.min {
			t.Errorf("%q: level %s, want at least %s", tt.text, got, tt.min)
		}
	}
}
