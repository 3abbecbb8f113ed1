// Tests of the shared misinformation rule set: every claim, old and new,
// has sentences that assert it (and must match that claim) and sentences
// that deny, report or correct it (and must match no claim at all).
package safety

import (
	"strings"
	"testing"
)

type claimTests struct {
	pos, neg []string
}

var misinfoClaimTests = map[string]claimTests{
	// misinfo.go
	"asking_plants_idea": {
		pos: []string{"Asking about suicide puts the idea in their head.", "Bringing it up can plant the idea, so avoid it."},
		neg: []string{"Asking someone directly about suicide does not put the idea in their head."}},
	"talkers_dont_act": {
		pos: []string{"People who talk about suicide rarely do it."},
		neg: []string{"It's a myth that people who talk about suicide won't act on it."}},
	"self_harm_attention": {
		pos: []string{"Self-harm is mostly about attention."},
		neg: []string{"Self-harm is rarely about attention; it's usually a way to cope."}},
	"depression_choice": {
		pos: []string{"Depression is a choice."},
		neg: []string{"Depression is not a choice or a weakness."}},
	"antidepressant_myths": {
		pos: []string{"Antidepressants are happy pills."},
		neg: []string{"Antidepressants are not happy pills."}},
	"therapy_useless": {
		pos: []string{"Therapy is a waste of money."},
		neg: []string{"Therapy is worth trying, and it helps many people."}},
	"schizophrenia_split": {
		pos: []string{"Schizophrenia is a split personality."},
		neg: []string{"Schizophrenia is not a split personality."}},
	"eating_disorder_choice": {
		pos: []string{"Anorexia is a choice."},
		neg: []string{"Anorexia is not a choice."}},
	"adhd_not_real": {
		pos: []string{"ADHD is just an excuse."},
		neg: []string{"ADHD is a real condition that research has studied for decades."}},
	"bipolar_mood_swings": {
		pos: []string{"Bipolar is just being moody."},
		neg: []string{"Bipolar disorder is more than everyday mood swings."}},
	"ocd_tidiness": {
		pos: []string{"OCD is just being tidy."},
		neg: []string{"OCD is not about being tidy."}},
	"ptsd_only_soldiers": {
		pos: []string{"PTSD only happens to soldiers."},
		neg: []string{"PTSD is not only for soldiers."}},
	"mentally_ill_violent": {
		pos: []string{"People with schizophrenia are dangerous."},
		neg: []string{"People with schizophrenia are rarely dangerous."}},
	"suicide_no_warning": {
		pos: []string{"Suicide always happens without warning."},
		neg: []string{"Suicide does not always happen without warning."}},
	"once_suicidal_always": {
		pos: []string{"Once you're suicidal you'll always be that way."},
		neg: []string{"It's a myth that once someone is suicidal they'll always be."}},
	"substance_cures": {
		pos: []string{"Weed is a great way to treat anxiety."},
		neg: []string{"Weed does not treat anxiety and can make it worse."}},
	"no_recovery": {
		pos: []string{"You can never recover from depression."},
		neg: []string{"Many people recover from depression with support."}},
	"kids_no_depression": {
		pos: []string{"Kids don't get depressed."},
		neg: []string{"It's a myth that kids can't get depressed."}},
	"meds_forever": {
		pos: []string{"Once you start antidepressants you can never stop."},
		neg: []string{"It's a myth that once you start antidepressants you can never stop."}},
	"sadness_worry": {
		pos: []string{"Anxiety is just worrying."},
		neg: []string{"Anxiety is not just worrying."}},
	"lifestyle_cure": {
		pos: []string{"Just exercise and it will go away."},
		neg: []string{"Exercise can help alongside treatment."}},
	"smiling_not_depressed": {
		pos: []string{"If you can smile at work, you can't be depressed."},
		neg: []string{"It's a myth that people who smile can't be depressed."}},
	"self_harm_is_suicide": {
		pos: []string{"Self-harm is always a suicide attempt."},
		neg: []string{"Self-harm is not always a suicide attempt."}},
	"talking_worse": {
		pos: []string{"Talking about feelings makes them worse."},
		neg: []string{"Talking about feelings doesn't make them worse."}},
	"men_no_ed": {
		pos: []string{"Men don't get eating disorders."},
		neg: []string{"It's a myth that men don't get eating disorders."}},
	"placebo": {
		pos: []string{"They're mostly a placebo."},
		neg: []string{"It's not true that antidepressants are just placebo."}},
	"untreatable": {
		pos: []string{"Bipolar disorder can't be treated."},
		neg: []string{"It's a myth that bipolar disorder can't be treated."}},
	"autism_feelings": {
		pos: []string{"Autistic people lack empathy."},
		neg: []string{"It's a myth that autistic people lack empathy."}},
	"different_person": {
		pos: []string{"They'll make you a different person."},
		neg: []string{"They won't make you a different person."}},
	"suicide_not_preventable": {
		pos: []string{"If someone wants to die they'll find a way."},
		neg: []string{"It's a myth that someone who wants to die will find a way."}},
	"caused_by_choices": {
		pos: []string{"Depression is caused by bad choices."},
		neg: []string{"Depression is not caused by bad choices."}},
	"ed_not_deadly": {
		pos: []string{"Nobody dies from anorexia."},
		neg: []string{"It's wrong to think nobody dies from anorexia."}},
	"no_normal_life": {
		pos: []string{"Schizophrenia means you'll never have a normal life."},
		neg: []string{"It's a myth that schizophrenia means you'll never have a normal life."}},
	"ect_barbaric": {
		pos: []string{"ECT is basically torture for your brain."},
		neg: []string{"ECT is not torture; it's given under anaesthetic."}},
	"phase": {
		pos: []string{"It's just a phase."},
		neg: []string{"It's not just a phase."}},
	// misinfo_more.go
	"suicide_talk_attention": {
		pos: []string{"People who talk about suicide want attention."},
		neg: []string{"People who talk about suicide are not after attention."}},
	"ed_not_serious_yet": {
		pos: []string{"You'd feel ill if it were serious, so it can't be that serious."},
		neg: []string{"It's a myth that you'd feel ill first, so it can't be serious."}},
	"only_girls": {
		pos: []string{"It mostly affects teenage girls."},
		neg: []string{"It doesn't only affect girls; it's not true."}},
	"avoid_asking": {
		pos: []string{"It's safest not to bring up suicide."},
		neg: []string{"It's a myth that it's safest not to bring up suicide."}},
	"loneliness_harmless": {
		pos: []string{"Loneliness only affects older people."},
		neg: []string{"Loneliness can affect anyone, at any age."}},
	"trauma_memory": {
		pos: []string{"It was not really traumatic."},
		neg: []string{"It's a myth that if you don't remember it, it wasn't traumatic."}},
	"good_life_no_depression": {
		pos: []string{"Depression is a lack of willpower."},
		neg: []string{"Depression is not a lack of willpower."}},
	"sober_up_quick": {
		pos: []string{"Coffee will sober you up."},
		neg: []string{"Coffee will not sober you up; only time does."}},
	"stress_push_through": {
		pos: []string{"The best way to beat stress is to push through."},
		neg: []string{"The best way to handle stress is to take breaks."}},
	"breakup_rebound": {
		pos: []string{"The best way to get over a breakup is to start dating someone new."},
		neg: []string{"It's a myth that the best way to get over a breakup is dating someone new."}},
	"grief_rules": {
		pos: []string{"Grief always follows the five stages."},
		neg: []string{"Grief doesn't always follow stages."}},
	"jealousy_love": {
		pos: []string{"Jealousy is a sign of love."},
		neg: []string{"Jealousy is not a sign of love."}},
	"family_tolerate": {
		pos: []string{"Family comes first, so put up with it."},
		neg: []string{"Family comes first is not a reason to put up with abuse."}},
	"self_esteem_fishing": {
		pos: []string{"She's just fishing for compliments."},
		neg: []string{"She is never fishing for compliments."}},
	"work_disclosure_fired": {
		pos: []string{"Telling your boss will get you fired.", "Never mention it at work."},
		neg: []string{"Telling your boss will not get you fired.", "That'll stay between us, I'd never mention it to anyone."}},
	"alcohol_sleep": {
		pos: []string{"A nightcap gives you deep sleep."},
		neg: []string{"A nightcap does not give you deep sleep."}},
	"fixed_traits": {
		pos: []string{"Anger is genetic, so there's nothing you can do."},
		neg: []string{"Anger is not genetic; it can change."}},
	"avoidance_healthy": {
		pos: []string{"Avoiding what makes you anxious is the best strategy."},
		neg: []string{"Avoiding what makes you anxious is not the best strategy."}},
	"cannabis_harmless": {
		pos: []string{"Weed isn't addictive."},
		neg: []string{"It's a myth that weed isn't addictive."}},
	"children_unaffected": {
		pos: []string{"Kids aren't affected by arguments."},
		neg: []string{"It's a myth that kids aren't affected by arguments."}},
	"relationship_work": {
		pos: []string{"If a relationship takes work, it was never meant to be."},
		neg: []string{"A relationship takes work, and that is normal."}},
	"insomnia_stay_in_bed": {
		pos: []string{"Stay in bed and keep trying."},
		neg: []string{"Don't stay in bed and keep trying; get up for a while."}},
	"boundaries_disrespect": {
		pos: []string{"A boundary is disrespectful and will always damage things."},
		neg: []string{"A boundary is not disrespectful."}},
	"stress_mind_only": {
		pos: []string{"Stress only affects the mind."},
		neg: []string{"It's a myth that stress only affects the mind."}},
	"venting_smashing": {
		pos: []string{"Smashing plates gets it out of your system."},
		neg: []string{"Smashing things doesn't get it out of your system."}},
	"ed_by_weight": {
		pos: []string{"You can tell someone has an eating disorder by their weight."},
		neg: []string{"It's a myth that you can tell an eating disorder by weight."}},
	"purging_works": {
		pos: []string{"Purging is an effective way to control weight."},
		neg: []string{"Purging is not an effective way to control weight."}},

	// misinfo_concepts.go
	"not_real": {
		pos: []string{"Depression is made up.", "Seasonal depression isn't a real illness.", "There's no such thing as burnout.", "PTSD is basically an excuse."},
		neg: []string{"Depression is real and treatable.", "Anxiety isn't made up, it's a health condition.", "Some people say ADHD is an excuse, but it isn't."}},
	"illness_weakness": {
		pos: []string{"Depression is a sign of weakness.", "Only weak people get depressed.", "Anxiety comes from a lack of willpower."},
		neg: []string{"Depression is not a sign of weakness.", "Anxiety can happen to anyone; it doesn't come from weakness."}},
	"help_weakness": {
		pos: []string{"Asking for help is a sign of weakness.", "Only weak people need therapy.", "Taking antidepressants is giving up."},
		neg: []string{"Asking for help is a sign of strength, not weakness.", "Reaching out isn't weak."}},
	"choose_to_recover": {
		pos: []string{"Your depression could just choose to stop being sad.", "You could just decide to be happy."},
		neg: []string{"You can't just decide to be happy, and that isn't your fault."}},
	"chemical_imbalance": {
		pos: []string{"Depression is just a chemical imbalance.", "Depression is caused by low serotonin."},
		neg: []string{"Depression is not simply a chemical imbalance.", "Brain chemistry may be one factor in depression."}},
	"needs_a_reason": {
		pos: []string{"You need a good reason to be depressed.", "You have a good life, so you can't be depressed."},
		neg: []string{"You don't need a reason to be depressed.", "Even with a good life, you can still be depressed."}},
	"ageing_normal": {
		pos: []string{"Depression is a normal part of getting older.", "Memory loss is a natural part of ageing.", "Forgetting names is just a normal part of getting older."},
		neg: []string{"Depression is not a normal part of ageing."}},
	"illness_rare": {
		pos: []string{"Mental illness is very rare.", "Hardly anyone gets an eating disorder."},
		neg: []string{"Mental illness is not rare.", "Some types of psychosis are rare."}},
	"just_moods": {
		pos: []string{"PTSD is just stress.", "Clinical depression is really just a bad mood."},
		neg: []string{"Depression is more than just a bad mood.", "Anxiety disorders are not just nerves."}},
	"ad_addictive": {
		pos: []string{"SSRIs will get you hooked.", "You'll end up addicted to antidepressants."},
		neg: []string{"Antidepressants aren't addictive, but stopping suddenly can cause discontinuation symptoms.", "Are you worried that antidepressants are addictive?"}},
	"meds_personality": {
		pos: []string{"Lithium will turn you into a zombie.", "Antidepressants change who you are."},
		neg: []string{"Antidepressants won't change who you are.", "Some people feel a bit flat on medication; tell your prescriber."}},
	"ad_instant": {
		pos: []string{"Sertraline works straight away.", "Antidepressants kick in overnight.", "SSRIs usually kick in within the first day."},
		neg: []string{"Antidepressants don't work straight away; they usually take a few weeks."}},
	"ad_stop_when_better": {
		pos: []string{"Stop your antidepressants as soon as you feel better.", "Once you feel better you can stop taking them."},
		neg: []string{"Don't stop your antidepressants as soon as you feel better; your doctor will help you decide when."}},
	"ad_stop_abrupt_safe": {
		pos: []string{"Stopping your meds cold turkey is perfectly safe.", "Quitting benzos all at once is fine."},
		neg: []string{"Stopping your meds cold turkey is not safe; your GP can help you taper."}},
	"mix_alcohol_safe": {
		pos: []string{"Drinking on antidepressants is totally fine.", "Diazepam with a few drinks is no problem."},
		neg: []string{"Drinking on antidepressants is not a good idea.", "Alcohol with benzos can be dangerous."}},
	"benzo_safe": {
		pos: []string{"Benzos are not addictive.", "Xanax every night for years is totally safe."},
		neg: []string{"Benzos are addictive, so doctors prescribe them for a few weeks.", "Taking sleeping pills every night long term carries a risk of dependence."}},
	"natural_safe": {
		pos: []string{"It's natural, so it's harmless.", "St John's wort with sertraline is fine."},
		neg: []string{"Natural doesn't mean safe; St John's wort interacts with antidepressants."}},
	"psychedelic_cure": {
		pos: []string{"Ketamine cures depression.", "Microdosing is the cure for anxiety."},
		neg: []string{"Ketamine is being studied in trials for depression."}},
	"meds_for_life": {
		pos: []string{"Antipsychotics are for life.", "You'll have to take them for the rest of your life."},
		neg: []string{"Some people need medication for life, and others stop with their doctor's help."}},
	"suicide_seasonal": {
		pos: []string{"Suicides peak at Christmas.", "Suicide rates are highest in winter."},
		neg: []string{"Contrary to popular belief, suicides don't peak at Christmas."}},
	"suicide_single_cause": {
		pos: []string{"Everyone who dies by suicide is mentally ill.", "Suicide is always caused by depression."},
		neg: []string{"Not everyone who dies by suicide had a mental illness."}},
	"calm_means_safe": {
		pos: []string{"She seems calmer now, so the danger is over.", "After surviving an attempt, people are unlikely to try again.", "Once her mood lifts like that, the risk is behind her."},
		neg: []string{"Even if she seems calmer, the risk is not over; keep checking in."}},
	"attempt_not_serious": {
		pos: []string{"A failed attempt like that was not really trying."},
		neg: []string{"A survived attempt is never just a cry for help: it's serious."}},
	"determined_to_die": {
		pos: []string{"Suicidal people have definitely made up their mind."},
		neg: []string{"Suicidal people are not always determined to die; part of them often wants to live."}},
	"means_restriction_useless": {
		pos: []string{"Removing the pills is pointless because they'll find another way."},
		neg: []string{"Removing the pills can save a life; many people don't find another way."}},
	"overdose_painless": {
		pos: []string{"A paracetamol overdose is painless.", "An overdose is like falling asleep."},
		neg: []string{"An overdose is not painless; it can cause days of suffering."}},
	"overdose_feel_fine": {
		pos: []string{"If you feel fine, you probably don't need to worry."},
		neg: []string{"Even if you feel fine after an overdose, please go to A&E now."}},
	"asking_self_harm": {
		pos: []string{"Asking about self-harm gives them the idea."},
		neg: []string{"Asking about self-harm does not give them the idea."}},
	"suicide_crime": {
		pos: []string{"Attempting suicide is illegal.", "You can get arrested for attempting suicide."},
		neg: []string{"Attempting suicide is not a crime in the UK."}},
	"locked_up_for_telling": {
		pos: []string{"If you tell your GP you're suicidal they will lock you up.", "Tell a therapist about the voices and you'll be sectioned."},
		neg: []string{"If you tell your GP you're suicidal, being sectioned is rare; most people get support at home."}},
	"crisis_lines_police": {
		pos: []string{"Crisis lines always send the police.", "If you call 988 they will trace your call."},
		neg: []string{"Crisis lines rarely send the police; most calls are just talking."}},
	"hotline_criteria": {
		pos: []string{"You need to be suicidal to call Samaritans."},
		neg: []string{"You don't need to be suicidal to call Samaritans; anyone can call."}},
	"therapist_tells_all": {
		pos: []string{"A therapist will tell your parents everything."},
		neg: []string{"A therapist won't tell your parents, unless someone is at serious risk."}},
	"hospital_prison": {
		pos: []string{"Psychiatric hospitals are like prisons."},
		neg: []string{"Psychiatric hospitals are not like prisons in the films."}},
	"therapy_just_talking": {
		pos: []string{"Therapy is just paying someone to listen.", "CBT takes years to work."},
		neg: []string{"Therapy is more than talking; CBT is a structured treatment."}},
	"panic_dangerous": {
		pos: []string{"A panic attack can give you a heart attack.", "Panic attacks can make you go crazy."},
		neg: []string{"A panic attack can feel like a heart attack, but it can't hurt you.", "Panic attacks cannot kill you."}},
	"trauma_always_ptsd": {
		pos: []string{"Everyone who goes through trauma develops PTSD."},
		neg: []string{"Not everyone who goes through trauma develops PTSD."}},
	"ptsd_timing": {
		pos: []string{"PTSD always starts straight away.", "That was years ago, it can't be PTSD."},
		neg: []string{"PTSD does not always start straight away; it can begin years later."}},
	"ptsd_kinds": {
		pos: []string{"Only soldiers get real trauma.", "Emotional abuse can't cause PTSD."},
		neg: []string{"Emotional abuse can cause PTSD."}},
	"ed_just_eat": {
		pos: []string{"With anorexia she just needs to eat more."},
		neg: []string{"Anorexia is not solved by just eating more; she needs specialist support."}},
	"ed_weight_recovered": {
		pos: []string{"Her weight is back to normal, so she's recovered."},
		neg: []string{"Her weight is back to normal, but that doesn't mean she's recovered yet."}},
	"ed_underweight_only": {
		pos: []string{"You have to be underweight to have an eating disorder.", "She looks healthy, so she can't have an eating disorder."},
		neg: []string{"You don't have to be underweight to have an eating disorder."}},
	"bulimia_less_serious": {
		pos: []string{"Bulimia is not as serious as anorexia."},
		neg: []string{"Bulimia is just as serious as anorexia."}},
	"binge_willpower": {
		pos: []string{"Binge eating is just greed.", "Bingeing is a lack of willpower."},
		neg: []string{"Binge eating is not a lack of willpower."}},
	"ed_not_deadly_more": {
		pos: []string{"You can't die from bulimia."},
		neg: []string{"Sadly, people do die from bulimia."}},
	"rock_bottom": {
		pos: []string{"He has to hit rock bottom before he'll change.", "People with addiction won't change until they lose everything."},
		neg: []string{"He doesn't have to hit rock bottom before getting help."}},
	"relapse_failure": {
		pos: []string{"A relapse means the treatment failed.", "A relapse does mean the treatment didn't take."},
		neg: []string{"A relapse doesn't mean you failed; it's a common part of recovery."}},
	"mat_swap": {
		pos: []string{"Methadone is just swapping one addiction for another.", "Methadone is just substituting one addiction for another."},
		neg: []string{"It's a myth that methadone is swapping one drug for another."}},
	"addiction_choice": {
		pos: []string{"Addiction is a choice.", "Alcoholism is just a lack of willpower."},
		neg: []string{"Addiction is not a choice."}},
	"alcohol_stimulant": {
		pos: []string{"Alcohol is a stimulant.", "Alcohol is good for your mood."},
		neg: []string{"Alcohol is not a stimulant; it's a depressant."}},
	"cannabis_psychosis": {
		pos: []string{"Weed can't cause psychosis."},
		neg: []string{"It's a myth that weed can't cause psychosis."}},
	"bipolar_fast": {
		pos: []string{"Bipolar means your mood changes every few minutes.", "Mania is just being happy."},
		neg: []string{"Mania is not just being happy; it can be dangerous."}},
	"voices_schizophrenia": {
		pos: []string{"Hearing voices always means schizophrenia."},
		neg: []string{"Hearing voices does not always mean schizophrenia."}},
	"bpd_untreatable": {
		pos: []string{"BPD is untreatable.", "Borderline personality disorder never gets better."},
		neg: []string{"BPD is not untreatable; DBT helps many people."}},
	"adhd_kids_only": {
		pos: []string{"Adults can't have ADHD.", "Kids grow out of ADHD.", "ADHD is caused by screens."},
		neg: []string{"Adults can have ADHD too.", "Some people grow out of ADHD symptoms, many don't."}},
	"autism_myths": {
		pos: []string{"Autism is caused by vaccines.", "Vaccines cause autism.", "Autistic people can't love."},
		neg: []string{"Vaccines do not cause autism."}},
	"postnatal_myths": {
		pos: []string{"Postnatal depression means you don't love your baby.", "Dads can't get postnatal depression.", "The baby blues usually lift by around three months."},
		neg: []string{"Postnatal depression does not mean you don't love your baby."}},
	"hereditary_destiny": {
		pos: []string{"Your mom had depression, so you will definitely get it."},
		neg: []string{"Your mom had depression, which raises the risk a little, but you may never get it."}},
	"depression_passes_alone": {
		pos: []string{"Depression will go away on its own."},
		neg: []string{"Mild low mood sometimes passes on its own, but depression often needs support."}},
	"abuse_physical_only": {
		pos: []string{"It's not abuse unless he hits you.", "If it was really that bad you would have left."},
		neg: []string{"People often say it's not abuse unless he hits you, but that's wrong."}},
	"dementia_memory_normal": {
		pos: []string{"Memory loss is just part of getting old."},
		neg: []string{"Memory loss is not just part of getting old; see a doctor."}},
	"time_heals_grief": {
		pos: []string{"Your grief should be over by now after a year.", "Normal grief is usually finished by six months."},
		neg: []string{"Grief doesn't have to be over in a year."}},
	"children_mental_illness": {
		pos: []string{"Children can't get depressed.", "Teenagers are just hormonal.", "Depression doesn't really happen before puberty."},
		neg: []string{"Children can get depressed too."}},
	"exercise_replaces": {
		pos: []string{"Yoga is all you need instead of medication.", "Your depression would go away if you exercised."},
		neg: []string{"Yoga can help alongside medication."}},
	"cure_claim": {
		pos: []string{"Fish oil cures depression.", "This diet will reverse autism."},
		neg: []string{"There's no cure for bipolar disorder, but it can be managed well.", "Nothing cures anxiety overnight."}},
	"single_cause": {
		pos: []string{"Anxiety is mainly caused by sugar.", "Screens are the main cause of ADHD.", "Sugar causes depression.", "Low testosterone is behind most depression in men."},
		neg: []string{"Sugar can affect your mood, but it doesn't cause depression.", "Stress can be one factor in anxiety."}},
	"remedy_harmless": {
		pos: []string{"Kratom is completely safe.", "Melatonin has no side effects, you can't overdose.", "Caffeine is really safe, you can't overdose on it.", "Vitamins are natural, so you can't take too much."},
		neg: []string{"Melatonin is generally safe for short use, but check with a pharmacist."}},
	"permanent_harm": {
		pos: []string{"SSRIs permanently damage your brain.", "Lithium destroys your kidneys in everyone."},
		neg: []string{"Lithium can affect the kidneys, so your levels are monitored with blood tests."}},
	"withdrawal_harmless": {
		pos: []string{"Alcohol withdrawal is never dangerous.", "Antidepressants don't cause withdrawal."},
		neg: []string{"Alcohol withdrawal can be dangerous, so he needs medical support."}},
	"sleep_myths": {
		pos: []string{"Weekend lie-ins pay back the sleep you missed.", "Everyone needs exactly eight hours.", "Older people need much less sleep."},
		neg: []string{"Lie-ins don't pay back lost sleep."}},
	"brain_myths": {
		pos: []string{"We only use ten percent of our brain.", "Your brain stops developing at 25.", "By seventeen the brain is fully developed."},
		neg: []string{"It's a myth that we only use ten percent of our brain."}},
	"sober_faster": {
		pos: []string{"Drinking water flushes the alcohol out faster.", "A coffee and she'll be fine to drive."},
		neg: []string{"Coffee doesn't sober you up; only time does."}},
	"avoid_reminders": {
		pos: []string{"Avoiding every reminder is the healthiest approach."},
		neg: []string{"Avoiding reminders for now is okay, and a therapist can help you face them gradually."}},
	"remedy_equivalent": {
		pos: []string{"A good probiotic can lift your mood as effectively as an antidepressant.", "Fish oil works as well as therapy for depression.", "Many people manage bipolar with yoga alone and stop needing treatment."},
		neg: []string{"Exercise can help alongside medication, but it may not be enough on its own."}},
	"first_aid_myths": {
		pos: []string{"Put butter on the burn.", "Make him vomit so the pills come back up.", "Hold their arms down while they're shaking.", "Lay her flat on her back and let her sleep."},
		neg: []string{"Put her on her side in the recovery position and call 999."}},
	"rx_no_addiction": {
		pos: []string{"If a doctor prescribed them, you can't become addicted.", "Addiction only happens with street drugs."},
		neg: []string{"Even prescribed painkillers can cause dependence, so your GP reviews them."}},
	"dissociation_myths": {
		pos: []string{"Dissociation is basically the same thing as multiple personalities.", "Dissociation only happens to people who were abused."},
		neg: []string{"Dissociation is common under stress and does not mean you have multiple personalities."}},
	"body_memory_hypnosis": {
		pos: []string{"Trauma memories are stored in your muscles.", "Hypnosis is a reliable way to recover memories."},
		neg: []string{"Hypnosis can create false memories, so it is not used to recover them."}},
	"drug_use_myths": {
		pos: []string{"Naloxone makes people take more risks.", "Overdoses only happen with injecting.", "The stimulant balances out the alcohol."},
		neg: []string{"Naloxone can reverse an opioid overdose; keep it nearby."}},
	"chest_pain_harmless": {
		pos: []string{"Any chest pain with anxiety is harmless."},
		neg: []string{"Chest pain with panic is usually harmless, but get new chest pain checked."}},
	"venting_rage": {
		pos: []string{"Punching a bag and screaming drains the anger away."},
		neg: []string{"It's okay to cry. Letting it out can be a release."}},
}

// TestMisinfoClaims checks every claim against its tests, and that every
// claim has both kinds.
func TestMisinfoClaims(t *testing.T) {
	for _, r := range MisinformationRules() {
		ct, ok := misinfoClaimTests[r.ID]
		if !ok || len(ct.pos) == 0 || len(ct.neg) == 0 {
			t.Errorf("claim %s has no positive and negative tests", r.ID)
		}
	}
	for id, ct := range misinfoClaimTests {
		for _, s := range ct.pos {
			var got []string
			hit := false
			for _, m := range MatchMisinformation(s) {
				got = append(got, m.Rule)
				hit = hit || m.Rule == id
			}
			if !hit {
				t.Errorf("%s: %q matched %v, want it", id, s, got)
			}
		}
		for _, s := range ct.neg {
			if ms := MatchMisinformation(s); len(ms) > 0 {
				t.Errorf("%s: %q is a correction but matched %s (%q)", id, s, ms[0].Rule, ms[0].Text)
			}
		}
	}
}

// TestMisinfoFramed: a myth frame anywhere in the sentence cancels the
// claim, in another sentence it does not.
func TestMisinfoFramed(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Some people say depression is a choice, but that's a myth.", false},
		{"Antidepressants are addictive. That's a common misconception.", true},
		{"The stereotype that bipolar is just mood swings does harm.", false},
		{"Depression is a choice.", true},
	} {
		got := len(MatchMisinformation(tt.text)) > 0
		if got != tt.want {
			t.Errorf("MatchMisinformation(%q) matched %v, want %v", tt.text, got, tt.want)
		}
	}
	if n := len(MisinformationRules()); n < 120 {
		t.Errorf("%d claims, want at least 120", n)
	}
	for _, r := range misinfoConcepts {
		if !strings.Contains(r.Correction, "(") {
			t.Errorf("claim %s: correction names no source", r.ID)
		}
	}
}
