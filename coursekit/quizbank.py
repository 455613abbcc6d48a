"""The course's knowledge checks as data: one quiz per notebook, keyed by id in :data:`QUIZZES`.

Move, reaction, misstep and lesson ids come from :mod:`coursekit.knowledge`, so a quiz can never
disagree with the rest of the course about what they are called. All text is ours; the few
quotations come from :data:`coursekit.knowledge.QUOTES` and are marked and attributed.

>>> list(QUIZZES)  # doctest: +NORMALIZE_WHITESPACE
['00_start', '01_dilemma', '02_reactions', '03_scenarios', '04_scenario1', '05_scenario2',
 '06_comments', '07_call', '08_plan']
>>> from coursekit.quiz import answer_key, grade
>>> question = QUIZZES["05_scenario2"].questions[0]
>>> answer_key(question)
['own_misstep', 'invite_response', 'permission', 'reaffirm', 'explain_change', 'easy_out']
>>> grade(question, answer_key(question)).label
'Correct'
"""

from __future__ import annotations

from types import MappingProxyType

from .knowledge import COMMENTERS, LESSONS, MISSTEPS, MOVES, QUOTES, REACTIONS, scenario_moves
from .quiz import (
    Matching,
    MatchItem,
    MatchTarget,
    MultipleChoice,
    Option,
    Ordering,
    OrderItem,
    Quiz,
    SingleChoice,
)

__all__ = ["QUIZZES", "commenter_id"]


def commenter_id(name: str) -> str:
    """Return the id a quiz uses for a commenter.

    >>> commenter_id("joe Maressa")
    'joe_maressa'
    """
    return name.lower().replace(" ", "_")


_COMMENTER_TARGETS = tuple(MatchTarget(commenter_id(name), name) for name in COMMENTERS)
_MOVE_TARGETS_1 = tuple(MatchTarget(move.id, move.title) for move in scenario_moves(1))


# 00 Start here: how the course works -------------------------------------------------------

_START = Quiz(
    "00_start",
    "How the course works",
    (
        MultipleChoice(
            "00_journal",
            "Which of these are true about your journal? Choose all that apply.",
            (
                Option(
                    "saves_as_you_go",
                    "Every answer is saved the moment you give it; there is no save button.",
                    True,
                    "Yes. Each exercise writes to your journal as soon as you answer.",
                ),
                Option(
                    "survives_restart",
                    "If the kernel restarts, your answers come back when you run the cells "
                    "again.",
                    True,
                    "Yes. The journal is a file, not kernel memory, so a restart loses nothing.",
                ),
                Option(
                    "where_it_lives",
                    "It is the file ~/.second-call/journal.json, unless the SECOND_CALL_JOURNAL "
                    "variable names another file.",
                    True,
                    "Yes. Set SECOND_CALL_JOURNAL before starting JupyterLab to keep it "
                    "somewhere else.",
                ),
                Option(
                    "export_plan",
                    "The progress panel's 'Export my plan' button turns it into a printable "
                    "page.",
                    True,
                    "Yes. You can export at any time; the plan shows whatever you have done "
                    "so far.",
                ),
                Option(
                    "restart_clears",
                    "Restarting the kernel starts you again from a blank journal.",
                    False,
                    "No. Only the progress panel's reset buttons erase answers.",
                ),
                Option(
                    "reset_silently",
                    "'Reset everything' erases all your answers the moment you click it.",
                    False,
                    "Not quite. It erases nothing until you tick the box that confirms you mean "
                    "it.",
                ),
            ),
            "Your answers live in one journal file that every notebook shares. It survives "
            "restarts, can be moved with SECOND_CALL_JOURNAL, and the progress panel resets "
            "or exports it whenever you like.",
        ),
        Matching(
            "00_words",
            "Match each course word to what it means.",
            (
                MatchItem(
                    "situation_meaning",
                    "What happened when you declined: any missteps, how long ago, whether the "
                    "role is open.",
                    "situation",
                    "Your situation is the input: everything else follows from it.",
                ),
                MatchItem(
                    "misstep_meaning",
                    "Something that went wrong in how you said no, such as going silent.",
                    "misstep",
                    "Any misstep puts you in Scenario 2.",
                ),
                MatchItem(
                    "reaction_meaning",
                    "How the manager may feel when you get back in touch.",
                    "reaction",
                    "There are four: flattered, already filled the role, hurt, insulted.",
                ),
                MatchItem(
                    "move_meaning",
                    "One step of the conversation, such as the easy out.",
                    "move",
                    "Scenario 1 has three moves; Scenario 2 adds three repair moves in front.",
                ),
                MatchItem(
                    "script_meaning",
                    "The moves in your own words, built from your answers.",
                    "script",
                    "A script is built for you; a draft is one you write freehand.",
                ),
                MatchItem(
                    "journal_meaning",
                    "The file that keeps all your saved answers.",
                    "journal",
                    "The journal is what survives a kernel restart.",
                ),
                MatchItem(
                    "plan_meaning",
                    "The printable page you export at the end.",
                    "plan",
                    "The plan is made from your journal.",
                ),
            ),
            (
                MatchTarget("situation", "situation"),
                MatchTarget("misstep", "misstep"),
                MatchTarget("reaction", "reaction"),
                MatchTarget("move", "move"),
                MatchTarget("script", "script"),
                MatchTarget("journal", "journal"),
                MatchTarget("plan", "plan"),
            ),
            "The course uses a small set of words for its ideas, so the notebooks, the widgets "
            "and your plan all mean the same thing by each one.",
        ),
        SingleChoice(
            "00_two_scenarios",
            "In one line, what separates the column's two scenarios?",
            (
                Option(
                    "how_declined",
                    "How you said no: clearly and respectfully (Scenario 1), or with a "
                    "misstep (Scenario 2).",
                    True,
                    "Right. The scenario depends on how you declined, not on why.",
                ),
                Option(
                    "why_declined",
                    "Why you said no: a good reason (Scenario 1) or a poor one (Scenario 2).",
                    False,
                    "No. Your reason matters for the explanation move, but the scenario is "
                    "about how you declined.",
                ),
                Option(
                    "how_long",
                    "How long ago: under two weeks (Scenario 1) or longer (Scenario 2).",
                    False,
                    "No. Time makes a filled role likelier in both scenarios; it doesn't "
                    "change which one you are in.",
                ),
                Option(
                    "channel",
                    "Whether you phone (Scenario 1) or meet face to face (Scenario 2).",
                    False,
                    "No. You can phone or meet in either scenario.",
                ),
            ),
            "Scenario 1: you declined clearly and respectfully, so you can simply ask again. "
            "Scenario 2: your decline left a mark, so you repair it first.",
        ),
    ),
    intro="See how the course works: your journal, the words it uses, and the two scenarios.",
)


# 01 The dilemma: make the call? -----------------------------------------------------------

_DILEMMA = Quiz(
    "01_dilemma",
    "Should you make the call?",
    (
        SingleChoice(
            "01_what_to_do",
            "Some time after turning down a good offer, the asker regrets it and wonders whether "
            "to call the manager back. What does the column advise?",
            (
                Option(
                    "call_now",
                    "Call, and do it soon.",
                    True,
                    "Right. The answer is to call straight away: every week that passes makes it "
                    "likelier the role is filled.",
                ),
                Option(
                    "wait_for_ad",
                    "Wait until the role is advertised again, then apply.",
                    False,
                    "Waiting lets the role be filled in the meantime, and a formal application "
                    "throws away the personal contact the manager already offered.",
                ),
                Option(
                    "let_it_go",
                    "Let it go: you've already said no.",
                    False,
                    "Colette Brown warns against beating yourself up, but that is about not "
                    "dwelling on a mistake, not about staying silent.",
                ),
                Option(
                    "email_later",
                    "Wait a month until you're certain, then send a long email.",
                    False,
                    "A month is a long time for an open role, and a call lets the manager "
                    "respond and ask what changed.",
                ),
            ),
            f"The column's advice is immediate: {QUOTES['make_the_call'].cite()}. Acting now costs "
            "little; delay is what can make it cost more.",
        ),
        MultipleChoice(
            "01_why_cheap",
            "Why does calling back cost you little? Choose all that apply.",
            (
                Option(
                    "worst_case",
                    "The worst likely answer is a no, which is where you already stand.",
                    True,
                    "Yes. You start from a declined offer, so a no leaves you no worse off on "
                    "the job itself.",
                ),
                Option(
                    "ends_regret",
                    "Even a no ends the regret of never having asked.",
                    True,
                    "Yes. That is Kimberly's point: making the call settles the question either "
                    "way.",
                ),
                Option(
                    "door_open",
                    "A respectful call keeps you in mind for future roles.",
                    True,
                    "Yes. Colette Brown was hired by the same employer years after declining; "
                    "how you handle it shapes whether you can come back.",
                ),
                Option(
                    "no_cost",
                    "It costs nothing at all, not even a little credibility.",
                    False,
                    "Not quite. joe Maressa, a former recruiter, says a reversal dents your "
                    "credibility: the cost is small, not zero, which is why your reason matters.",
                ),
                Option(
                    "obliged",
                    "The manager has to reconsider you, because they made you an offer once.",
                    False,
                    "No. The manager owes you nothing; you are asking, not claiming.",
                ),
            ),
            f"The column says {QUOTES['nothing_to_lose'].cite()}. The comments add that even a "
            "no ends the regret (Kimberly) and that a respectful exit keeps doors open (Colette "
            "Brown). joe Maressa tempers it: a reversal costs a little credibility, so bring a "
            "reason that makes sense.",
        ),
    ),
    intro="Decide whether to make the call, and why acting now costs little.",
)


# 02 Reactions: how the manager may feel ---------------------------------------------------

_REACTIONS = Quiz(
    "02_reactions",
    "How might the manager feel?",
    (
        Matching(
            "02_match_reactions",
            "Match each situation to the reaction it is most likely to cause.",
            (
                MatchItem(
                    "clear_and_soon",
                    "You declined promptly and politely, and you call back soon.",
                    "flattered",
                    "A clean decline followed by renewed interest means the manager was chosen "
                    "twice, which tends to flatter.",
                ),
                MatchItem(
                    "weeks_passed",
                    "Several weeks have gone by since you said no.",
                    "position_filled",
                    "Here time is the trigger: the manager had a job to fill and may have filled "
                    "it.",
                ),
                MatchItem(
                    "signalled_yes",
                    "You told the manager you were keen to accept, then declined.",
                    "hurt",
                    "A signalled yes that became a no lets the manager down, so expect hurt.",
                ),
                MatchItem(
                    "went_silent",
                    "You stopped replying and never said you were declining.",
                    "insulted",
                    "Silence leaves the manager guessing, which can feel insulting and raise "
                    "doubts about your maturity.",
                ),
            ),
            tuple(MatchTarget(reaction.id, reaction.label) for reaction in REACTIONS.values()),
            "The reaction follows from the situation: how you declined and how long ago. Knowing "
            "which one to expect tells you what to address first.",
        ),
        SingleChoice(
            "02_after_silence",
            "You went silent after the offer and never declined. Which reaction should you be "
            "most ready for?",
            (
                Option(
                    "insulted",
                    REACTIONS["insulted"].label,
                    True,
                    "Right. Silence is what the column links to feeling insulted and doubting "
                    "your emotional maturity.",
                ),
                Option(
                    "hurt",
                    REACTIONS["hurt"].label,
                    False,
                    "Close, and it may be part of it, but hurt is tied to signalling a yes and "
                    "then declining. Silence is linked to insult and doubt.",
                ),
                Option(
                    "flattered",
                    REACTIONS["flattered"].label,
                    False,
                    "Unlikely to come first: after silence, the misstep has to be repaired "
                    "before the manager can enjoy being asked again.",
                ),
                Option(
                    "position_filled",
                    REACTIONS["position_filled"].label,
                    False,
                    "The role may well be filled, but that depends on time, not on how you "
                    "declined. Be ready for it whatever happened.",
                ),
            ),
            "Going silent is a misstep that can leave the manager insulted or doubting your "
            "maturity. That makes it Scenario 2: the repair comes first.",
        ),
        MultipleChoice(
            "02_even_if_perfect",
            "Which reactions could meet you even if you declined perfectly? Choose all that "
            "apply.",
            (
                Option(
                    "flattered",
                    REACTIONS["flattered"].label,
                    True,
                    "Yes. A clean decline followed by renewed interest can flatter the manager.",
                ),
                Option(
                    "position_filled",
                    REACTIONS["position_filled"].label,
                    True,
                    "Yes. A filled role has nothing to do with how you declined; the manager "
                    "simply moved on.",
                ),
                Option(
                    "hurt",
                    REACTIONS["hurt"].label,
                    False,
                    "Unlikely. Hurt follows a signalled yes that became a no, which a clean "
                    "decline avoids.",
                ),
                Option(
                    "insulted",
                    REACTIONS["insulted"].label,
                    False,
                    "Unlikely. Insult follows silence, which a clean decline avoids.",
                ),
            ),
            "Hurt and insult come from missteps; flattery and a filled role can happen to anyone. "
            "That is why even Scenario 1 needs the easy out.",
        ),
    ),
    intro="Predict how the manager may feel, from how the offer was declined.",
)


# 03 Scenarios: classify the situation ----------------------------------------------------

_SCENARIOS = Quiz(
    "03_scenarios",
    "Which scenario are you in?",
    (
        Matching(
            "03_classify",
            "Classify each situation: Scenario 1, Scenario 2, or neither.",
            (
                MatchItem(
                    "polite_email",
                    "Two days after the offer you emailed a polite no, thanking the manager for "
                    "their time.",
                    "scenario_1",
                    "Prompt, clear and courteous: that is Scenario 1.",
                ),
                MatchItem(
                    "keen_then_no",
                    "You told the manager you'd sign on Monday, then sent a one-line no a week "
                    "later.",
                    "scenario_2",
                    "Enthusiasm, then a reversal after a delay: two missteps, so Scenario 2.",
                ),
                MatchItem(
                    "stopped_replying",
                    "After the offer arrived you stopped answering the recruiter's messages.",
                    "scenario_2",
                    "Going silent is a misstep, so this is Scenario 2.",
                ),
                MatchItem(
                    "rude_remark",
                    "You declined on time, but told the manager the salary was frankly "
                    "insulting.",
                    "scenario_2",
                    "Being on time doesn't help if the manner offended: offending the manager "
                    "some other way also makes it Scenario 2.",
                ),
                MatchItem(
                    "colette",
                    "Colette Brown weighed three offers, then walked into her second interview "
                    "and declined the role in person.",
                    "scenario_1",
                    "She declined face to face and respectfully, before taking more of the "
                    "board's time. That is Scenario 1 style, even though the board was surprised.",
                ),
                MatchItem(
                    "kimberly",
                    "Kimberly had a late, hot, frazzled interview, then called to ask for "
                    "another chance.",
                    "neither",
                    "She had not been offered the job, so she had nothing to reverse; the next "
                    "question looks at her story more closely.",
                ),
            ),
            (
                MatchTarget("scenario_1", "Scenario 1: declined clearly and respectfully"),
                MatchTarget("scenario_2", "Scenario 2: the decline went badly"),
                MatchTarget("neither", "Neither: no offer was declined"),
            ),
            "Scenario 1 is a clear, respectful decline. Scenario 2 covers any decline that left "
            "a mark: enthusiasm then a reversal, a long delay, silence, or another offence. A "
            "story with no declined offer fits neither exactly.",
        ),
        SingleChoice(
            "03_kimberly",
            "Kimberly's story is about a bad interview, not a declined offer. How does it fit "
            "the column?",
            (
                Option(
                    "neither_close_to_1",
                    "Neither scenario exactly. Nothing was declined and nobody was let down, so "
                    "there is no misstep to repair; her call worked the way Scenario 1's moves "
                    "do.",
                    True,
                    "Right. The interview went badly for both sides, but that is not a misstep "
                    "against the manager. Her call is closest to Scenario 1: say you still want "
                    "it, and help the manager make sense of what they saw.",
                ),
                Option(
                    "scenario_2",
                    "Scenario 2: the bad interview was a misstep she had to apologise for.",
                    False,
                    "Not quite. Scenario 2 is about how you declined: reversing, delaying, going "
                    "silent, giving offence. Arriving late and frazzled on a hot day is not an "
                    "offence against the manager, though naming it can help.",
                ),
                Option(
                    "scenario_1",
                    "Scenario 1: she declined clearly and respectfully.",
                    False,
                    "She never declined anything; there was no offer yet. Her call borrows "
                    "Scenario 1's moves, but her situation is different.",
                ),
                Option(
                    "not_relevant",
                    "Not relevant: the column's advice doesn't apply without an offer.",
                    False,
                    "Too strict. Her story backs the column's main advice: the call cost her "
                    "little and changed the outcome.",
                ),
            ),
            "Kimberly's call asked for a second chance rather than announcing a change of heart. "
            "Its lesson for this course is her own: make the call, because at worst it ends "
            "the regret.",
        ),
        MultipleChoice(
            "03_what_makes_2",
            "Which of these make a decline Scenario 2? Choose all that apply.",
            (
                *(
                    Option(
                        misstep.id,
                        misstep.label,
                        True,
                        f"Yes. {misstep.example} The column counts this as not handling it well.",
                    )
                    for misstep in MISSTEPS.values()
                ),
                Option(
                    "by_phone",
                    "You declined by phone rather than in writing.",
                    False,
                    "No. A clear, courteous no is fine whichever way you deliver it.",
                ),
                Option(
                    "used_the_week",
                    "You took the full week the manager offered to decide, then said no.",
                    False,
                    "No. Using the time you were given is fair; the misstep is holding back an "
                    "answer you already had.",
                ),
            ),
            "Scenario 2 is any decline that left a mark on the manager: enthusiasm then a "
            "reversal, waiting too long, going silent, or offending them some other way.",
        ),
    ),
    intro="Classify a situation as Scenario 1 or Scenario 2, including the commenters' own.",
)


# 04 Scenario 1: the three moves ----------------------------------------------------------

_ORDER_FEEDBACK_1 = {
    "reaffirm": "First in the column's list: remind the manager your interest was real.",
    "explain_change": "Second: once your interest is clear, make the reversal make sense.",
    "easy_out": "Third in the list, though the column's own example also opens with it: give "
    "the manager a graceful way to say the role has gone.",
}

_SCENARIO1 = Quiz(
    "04_scenario1",
    "Scenario 1: the three moves",
    (
        Ordering(
            "04_order_moves",
            "Put the three Scenario 1 moves in the order the column lists them.",
            tuple(
                OrderItem(move.id, move.title, _ORDER_FEEDBACK_1[move.id])
                for move in scenario_moves(1)
            ),
            "The column's order: first reaffirm what drew you to the offer, then explain your "
            "change of heart so it makes sense, then give the manager an easy way to say the "
            "role has gone. Its own sample wording weaves the easy out in at the start and the "
            "end, so treat the order as a guide: all three matter.",
        ),
        Matching(
            "04_spot_the_move",
            "Spot the move: which move is each sentence making?",
            (
                MatchItem(
                    "may_be_filled",
                    "I realise you may already have offered the role to someone else, and "
                    "that's completely fine.",
                    "easy_out",
                    "This gives the manager a graceful way to say the job has gone.",
                ),
                MatchItem(
                    "still_excites",
                    "What drew me to your team, the chance to build the reporting from scratch, "
                    "still excites me.",
                    "reaffirm",
                    "This reminds the manager that your interest was real from the start.",
                ),
                MatchItem(
                    "fear_decided",
                    "I let worry about leaving a familiar job make the decision, and I've "
                    "realised that was the wrong reason.",
                    "explain_change",
                    "This says why you declined and what has changed, so the reversal makes "
                    "sense.",
                ),
                MatchItem(
                    "next_one",
                    "If the role has gone, I'd love to be considered for the next one.",
                    "easy_out",
                    "Accepting that the role may be filled, and asking to be remembered, is the "
                    "easy out that keeps the door open.",
                ),
            ),
            _MOVE_TARGETS_1,
            "Each move does a different job: reaffirming shows the interest is real, "
            "explaining makes the change of heart make sense, and the easy out lets the manager "
            "say no without awkwardness.",
        ),
        SingleChoice(
            "04_open_with_apology",
            "You declined clearly and politely. Should your call open with a long apology for "
            "saying no?",
            (
                Option(
                    "no_nothing_to_repair",
                    "No. There is nothing to repair: say why you're calling and make it easy "
                    "to hear the answer.",
                    True,
                    "Right. A clean decline is not a misstep; a thank-you for their time is "
                    "plenty.",
                ),
                Option(
                    "yes_always",
                    "Yes. An apology always softens the manager.",
                    False,
                    "An apology for a clean decline hints at a misstep that didn't happen, and "
                    "delays your point.",
                ),
                Option(
                    "yes_cost",
                    "Yes, and apologise for what your decline cost them.",
                    False,
                    "That is the Scenario 2 repair. A clear, timely no cost the manager no more "
                    "than any no does.",
                ),
            ),
            "The repair moves are for declines that went badly. In Scenario 1 the three moves "
            "are enough.",
        ),
    ),
    intro="Build a call opener with the three Scenario 1 moves.",
)


# 05 Scenario 2: repair first -------------------------------------------------------------

_ORDER_FEEDBACK_2 = {
    "own_misstep": "First: name what you did and what it cost, and apologise for that cost.",
    "invite_response": "Second: pause, and let the manager say how it landed or raise other "
    "concerns.",
    "permission": "Third: tell them it is fair to weigh what happened in their decision.",
    "reaffirm": "Only after the repair: remind them what drew you to the role.",
    "explain_change": "After the repair: explain why you have changed your mind.",
    "easy_out": "Last: make it easy for them to say the role is filled.",
}

_SCENARIO2 = Quiz(
    "05_scenario2",
    "Scenario 2: repair first",
    (
        Ordering(
            "05_order_steps",
            "Put the six Scenario 2 steps in order.",
            tuple(
                OrderItem(move.id, move.title, _ORDER_FEEDBACK_2[move.id])
                for move in scenario_moves(2)
            ),
            "In Scenario 2 you start with the misstep, let the manager respond, and give them "
            "permission to factor it in. Only then do you explain why you have changed your "
            "mind, followed by the Scenario 1 moves.",
        ),
        SingleChoice(
            "05_what_first",
            "You told the manager you'd accept, then went quiet for ten days before declining. "
            "What comes first on the call?",
            (
                Option(
                    "own",
                    "Name the misstep, and apologise for what it cost the manager.",
                    True,
                    "Right. Until the misstep is addressed, the manager can't really hear your "
                    "reasons.",
                ),
                Option(
                    "why",
                    "Explain why you've changed your mind.",
                    False,
                    "That comes later. The column says to start with the misstep.",
                ),
                Option(
                    "is_it_open",
                    "Ask whether the role is still open.",
                    False,
                    "Asking for the job while the misstep hangs in the air suggests you haven't "
                    "noticed it.",
                ),
                Option(
                    "not_my_fault",
                    "Explain why the delay wasn't really your fault.",
                    False,
                    "Defending yourself undoes the repair. Own it instead.",
                ),
            ),
            "In Scenario 2 the repair has to come first: start with the misstep and what it "
            "cost the manager.",
        ),
        MultipleChoice(
            "05_after_apology",
            "You have apologised for the misstep and its cost. What belongs in the next part "
            "of the call? Choose all that apply.",
            (
                Option(
                    "pause_and_listen",
                    "Pause, ask how it affected them, and listen.",
                    True,
                    f"Yes. That is the move “{MOVES['invite_response'].title}”.",
                ),
                Option(
                    "fair_to_weigh",
                    "Tell them it's fair to take what happened into account.",
                    True,
                    f"Yes. That is the move “{MOVES['permission'].title}”.",
                ),
                Option(
                    "hurry_on",
                    "Move straight on to your reasons before the mood sours.",
                    False,
                    "Hurrying past the manager's side leaves their concerns unspoken.",
                ),
                Option(
                    "put_it_behind",
                    "Ask them to put it behind them so you can start fresh.",
                    False,
                    "Asking them to forget it is the opposite of giving them permission to "
                    "weigh it.",
                ),
            ),
            "After owning the misstep, let the manager respond and give them permission to "
            "weigh it. Those two moves make the apology believable.",
        ),
    ),
    intro="In Scenario 2, repair first.",
)


# 06 The comments: whose lesson is it? ----------------------------------------------------

_LESSON_FEEDBACK = {
    "steve_explain_why": "Steve W argues that explaining the change matters most, or you look "
    "flighty.",
    "steve_sulking_manager": "Steve W, who calls the job market a two-way street, doubts you'd "
    "want a manager who stays resentful.",
    "kimberly_ends_regret": "Kimberly, whose own call began a long career, says that at worst "
    "the call ends the regret.",
    "colette_door_open": "Colette Brown was rehired by an employer she had once turned down, "
    "because she left on good terms.",
    "colette_keep_files": "Colette Brown's employer still had her file years later; she urges "
    "employers to keep one.",
    "joe_expect_questions": "joe Maressa, a former recruiter, would want to know what changed.",
    "joe_credibility": "joe Maressa warns that a reversal costs some credibility.",
}

_CHALLENGE_CHOICES = (
    "steve_sulking_manager",
    "joe_credibility",
    "kimberly_ends_regret",
    "colette_door_open",
    "steve_explain_why",
    "colette_hard_jobs",
)

_CHALLENGE_FEEDBACK = {
    "steve_sulking_manager": "Yes. The column asks you to attend to the manager's feelings and "
    "accept that your misstep may count; Steve W says a manager who stays resentful may not be "
    "one to work for. Both can be true.",
    "joe_credibility": "Yes. The column says you have nothing to lose; joe Maressa says the "
    "reversal dents your credibility, so be sure you'll be a top performer.",
    "kimberly_ends_regret": "No. Kimberly backs the column: make the call.",
    "colette_door_open": "No. Colette Brown backs the easy out: leave every door open.",
    "steve_explain_why": "No. Steve W backs the move of explaining your change of heart.",
    "colette_hard_jobs": "No. This adds something new rather than pushing back: hard jobs teach "
    "too.",
}

_COMMENTS = Quiz(
    "06_comments",
    "What the commenters add",
    (
        Matching(
            "06_whose_lesson",
            "Match each lesson to the commenter who drew it.",
            tuple(
                MatchItem(
                    lesson_id,
                    LESSONS[lesson_id].text,
                    commenter_id(LESSONS[lesson_id].commenter),
                    feedback,
                )
                for lesson_id, feedback in _LESSON_FEEDBACK.items()
            ),
            _COMMENTER_TARGETS,
            "Four readers commented: Steve W on the two-way street and explaining why; "
            "Kimberly on her own second-chance call; Colette Brown on leaving doors open; and "
            "joe Maressa, a former recruiter, on the questions you will face.",
        ),
        MultipleChoice(
            "06_pushback",
            "Which of these lessons push back on the column, rather than back it up? Choose all "
            "that apply.",
            tuple(
                Option(
                    lesson_id,
                    f"{LESSONS[lesson_id].commenter}: {LESSONS[lesson_id].text}",
                    LESSONS[lesson_id].stance == "challenges",
                    _CHALLENGE_FEEDBACK[lesson_id],
                )
                for lesson_id in _CHALLENGE_CHOICES
            ),
            "Most lessons back the column, but two push back. Steve W reminds you that the "
            f"manager is being assessed too: {QUOTES['two_way_street'].cite()}. joe Maressa "
            "says calling back is not entirely free.",
        ),
        SingleChoice(
            "06_joe_pushes",
            "joe Maressa says your credibility takes a dent when you reverse a decision. Which "
            "idea in the column does that push against?",
            (
                Option(
                    "nothing_to_lose",
                    "That calling back costs you nothing.",
                    True,
                    "Right. joe agrees you should call, but says it costs some credibility, so "
                    "your reason must make sense.",
                ),
                Option(
                    "make_the_call",
                    "That you should make the call.",
                    False,
                    "joe agrees with this: his first words are to call back.",
                ),
                Option(
                    "easy_out",
                    "That you should make it easy to say the role is filled.",
                    False,
                    "joe's point doesn't touch the easy out; it is about what the call costs "
                    "you.",
                ),
                Option(
                    "repair_first",
                    "That in Scenario 2 the repair comes first.",
                    False,
                    "joe doesn't argue with the repair; a dented credibility is one more reason "
                    "to own a misstep.",
                ),
            ),
            f"The column says {QUOTES['nothing_to_lose'].cite()}. joe Maressa would still take "
            "the call, but expects a reason that makes sense and a candidate sure they'll "
            "excel.",
        ),
    ),
    intro="Weigh the commenters' lessons, including where they push back.",
)


# 07 On the call: the manager's replies, and the meeting -----------------------------------

_CALL = Quiz(
    "07_call",
    "On the call",
    (
        Matching(
            "07_match_replies",
            "Match each thing the manager might say to your best response.",
            (
                MatchItem(
                    "filled",
                    "We've already offered it to someone else.",
                    "keep_in_mind",
                    "A filled role is no one's fault: accept it gracefully and keep the door "
                    "open for the next one.",
                ),
                MatchItem(
                    "open_wary",
                    "It's open, but you were very sure last time. What's changed?",
                    "give_reason",
                    "A wary manager needs the reason: without it the reversal looks flighty.",
                ),
                MatchItem(
                    "open_glad",
                    "It's open, and I'm really pleased you called.",
                    "ask_meeting",
                    "Goodwill is the moment to ask for a face-to-face meeting.",
                ),
                MatchItem(
                    "offers_time",
                    "Could you come in on Tuesday morning?",
                    "accept_confirm",
                    "A prompt, definite yes shows you will follow through this time.",
                ),
            ),
            (
                MatchTarget(
                    "keep_in_mind",
                    "Thank them, accept it, and ask to be kept in mind for other roles.",
                ),
                MatchTarget(
                    "give_reason",
                    "Say the doubt is fair, and give a specific reason for your change of "
                    "heart.",
                ),
                MatchTarget("ask_meeting", "Thank them, and ask to meet face to face."),
                MatchTarget("accept_confirm", "Accept promptly, and confirm it in writing."),
                MatchTarget("press_on", "Keep pressing until they agree to reconsider."),
            ),
            "Each likely reply has its own best response: grace when the role is filled, a "
            "reason when the manager is wary, and a meeting when they are glad.",
        ),
        Ordering(
            "07_to_meeting",
            "Put these steps for turning the call into a face-to-face meeting in order.",
            (
                OrderItem(
                    "check_open",
                    "Find out whether they are open to reconsidering you, after giving them an "
                    "easy out.",
                    "First: a meeting only makes sense once you know the door is open.",
                ),
                OrderItem(
                    "propose",
                    "Suggest meeting in person to talk it through.",
                    "Next: ask for the meeting, and say what it is for.",
                ),
                OrderItem(
                    "their_time",
                    "Let them choose a time that suits them, and accept it promptly.",
                    "Then: the manager sets the time, and a prompt yes shows you'll follow "
                    "through.",
                ),
                OrderItem(
                    "confirm",
                    "Confirm the time and place by email the same day.",
                    "Last: confirming in writing closes the loop.",
                ),
            ),
            "The asker in the column wanted a face-to-face meeting. Earn it on the call, then "
            "ask, let the manager choose the time, and confirm in writing.",
        ),
        SingleChoice(
            "07_think_it_over",
            "The manager says, 'Let me think about it.' What is your best reply?",
            (
                Option(
                    "offer_meeting",
                    "Of course. If it would help, I'd be glad to meet in person once you've had "
                    "time to think.",
                    True,
                    "Right. You respect their time and offer a concrete next step.",
                ),
                Option(
                    "deadline",
                    "I'll need an answer by Friday, as I have other options.",
                    False,
                    "Pressure after a reversal reads badly; it is their decision, in their own "
                    "time.",
                ),
                Option(
                    "just_bye",
                    "Okay, thanks. Bye.",
                    False,
                    "Polite, but it leaves no next step. Offer the meeting.",
                ),
                Option(
                    "send_contract",
                    "Great. Just send the contract over and I'll sign.",
                    False,
                    "That presumes an answer the manager hasn't given.",
                ),
            ),
            "When the manager needs time, give it, and offer the face-to-face meeting as the "
            "next step.",
        ),
    ),
    intro="Handle the manager's likely replies, and move from a call to a meeting.",
)


# 08 Your plan: a short check -------------------------------------------------------------

_PLAN = Quiz(
    "08_plan",
    "Before you make the call",
    (
        SingleChoice(
            "08_first_line",
            "Your plan says Scenario 2: you went silent after the offer. What should the first "
            "part of your script do?",
            (
                Option(
                    "own_silence",
                    "Own the silence, and apologise for what it cost the manager.",
                    True,
                    "Right. In Scenario 2 the repair comes first.",
                ),
                Option(
                    "what_drew_me",
                    "Say what drew you to the role.",
                    False,
                    "That is a good move, but it comes after the repair.",
                ),
                Option(
                    "still_open",
                    "Ask whether the role is still open.",
                    False,
                    "Asking first skips the repair the manager is waiting for.",
                ),
            ),
            "Your scenario decides your first line. In Scenario 2 it is the repair; in Scenario "
            "1 it can be the easy out or what drew you to the role.",
        ),
        MultipleChoice(
            "08_in_the_plan",
            "Which of these belong in your plan before you make the call? Choose all that "
            "apply.",
            (
                Option(
                    "scenario",
                    "Your scenario, and for Scenario 2 the misstep you will own.",
                    True,
                    "Yes. It decides what comes first.",
                ),
                Option(
                    "own_words",
                    "Your script, with each move in your own words.",
                    True,
                    "Yes. Your own words sound sincere.",
                ),
                Option(
                    "replies",
                    "What you'll say if the role is filled, if the manager is wary, and if they "
                    "are glad.",
                    True,
                    "Yes. Prepared replies keep you steady whichever way the call goes.",
                ),
                Option(
                    "verbatim",
                    "The column's sample wording, memorised word for word.",
                    False,
                    "Borrow the moves, not the words: a script in your own voice sounds "
                    "sincere.",
                ),
                Option(
                    "grievances",
                    "A list of reasons the manager shouldn't be upset with you.",
                    False,
                    "That is arguing with how they feel; your plan should prepare you to "
                    "listen.",
                ),
            ),
            "A plan holds your scenario, your script in your own words, and the replies you "
            "prepared: everything you need for the call.",
        ),
    ),
    intro="A short check before you export your plan.",
)


QUIZZES: MappingProxyType[str, Quiz] = MappingProxyType(
    {
        quiz.id: quiz
        for quiz in (
            _START,
            _DILEMMA,
            _REACTIONS,
            _SCENARIOS,
            _SCENARIO1,
            _SCENARIO2,
            _COMMENTS,
            _CALL,
            _PLAN,
        )
    }
)
"""Every knowledge check in the course, keyed by quiz id, in notebook order."""
