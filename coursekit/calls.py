"""The course's role-plays as data: the call back to the hiring manager, one per scenario.

The lines are ours. ``call_scenario1`` practises the three Scenario 1 moves and the manager's
three likely replies (the role is filled; open but wary; open and glad). ``call_scenario2``
practises the repair that has to come first when the decline went badly.
:data:`WORKED_PATH` holds one path per role-play that reaches a good ending, for notebooks to
print as a worked example.

>>> sorted(ROLEPLAYS)
['call_scenario1', 'call_scenario2']
>>> from coursekit.roleplay import RoleplaySession
>>> session = RoleplaySession.replay(ROLEPLAYS["call_scenario2"], WORKED_PATH["call_scenario2"])
>>> session.debrief().ending.title
'A second hearing, face to face'
>>> session.debrief().moves_missed
()
"""

from __future__ import annotations

from types import MappingProxyType

from .roleplay import Choice, Ending, Node, Roleplay

__all__ = ["ROLEPLAYS", "WORKED_PATH", "CALL_SCENARIO1", "CALL_SCENARIO2"]


# Scenario 1: you declined clearly and respectfully -----------------------------------------

_S1_SITUATION = (
    "Three weeks ago Sam Okafor offered you an operations analyst role. You said no promptly "
    "and politely, and thanked Sam for the offer. You stayed where you were out of caution, and "
    "you now wish you had said yes. You dial Sam's number."
)

CALL_SCENARIO1 = Roleplay(
    id="call_scenario1",
    title="The call back: you declined clearly (Scenario 1)",
    start_id="s1_pickup",
    scenario=1,
    situation=_S1_SITUATION,
    nodes=(
        Node(
            "s1_pickup",
            "Sam Okafor speaking. Oh, hello! Good to hear from you. What can I do for you?",
            cue=_S1_SITUATION,
            choices=(
                Choice(
                    "s1_open_easy_out",
                    "Thanks for picking up. I know it's been three weeks and you may well have "
                    "offered the job to someone else; if so, just tell me, that's completely "
                    "fine. If it's still open, I've had a change of heart and would love "
                    "another look.",
                    "Before asking for anything you made it easy for Sam to say the role "
                    "has gone, and you got to the point in a few sentences.",
                    "Sam relaxes: nothing in how you asked puts Sam on the spot.",
                    "s1_fork",
                    moves=("easy_out",),
                    quality="strong",
                ),
                Choice(
                    "s1_open_direct",
                    "I'm calling about the analyst job. I've changed my mind. Is it still "
                    "available?",
                    "Clear and honest, but it corners Sam: nothing makes it easy to say the "
                    "role has gone, and there's no hint yet of why you changed your mind.",
                    "Sam hesitates, caught a little off guard.",
                    "s1_fork",
                    quality="okay",
                ),
                Choice(
                    "s1_open_apology",
                    "I'm so sorry to bother you. I feel terrible about turning you down, I know I "
                    "really let you down, and I completely understand if you're annoyed with me.",
                    "Weak for Scenario 1. You declined well, so there is nothing to repair; a long "
                    "apology makes a clean decline sound like a problem, and Sam still doesn't "
                    "know why you called.",
                    "Sam is puzzled: as far as Sam remembers, you did nothing wrong.",
                    "s1_fork",
                    moves=("own_misstep",),
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s1_fork",
            "Right. Let me tell you where things stand.",
            cue=(
                "What Sam says next depends on things you can't see from your side. The column "
                "expects one of three replies. Pick one to rehearse; you can come back for the "
                "others."
            ),
            fork=True,
            choices=(
                Choice(
                    "s1_hear_filled",
                    "Rehearse this reply: Sam has already filled the role.",
                    "Worth rehearsing first: time has passed, so this is a likely reply, and "
                    "planning for it keeps a no from knocking you off balance.",
                    "Sam is about to tell you the job has gone to someone else.",
                    "s1_filled",
                ),
                Choice(
                    "s1_hear_wary",
                    "Rehearse this reply: the role is open, but Sam is wary.",
                    "A reversal makes a careful manager wonder if you'll reverse again; this "
                    "branch practises answering that doubt.",
                    "Sam is interested but cautious.",
                    "s1_wary",
                ),
                Choice(
                    "s1_hear_glad",
                    "Rehearse this reply: the role is open, and Sam is glad you called.",
                    "The happiest reply still needs handling well: this branch practises turning "
                    "goodwill into a meeting.",
                    "Sam sounds pleased to hear from you.",
                    "s1_glad",
                ),
            ),
        ),
        # -- The role is filled ------------------------------------------------------------
        Node(
            "s1_filled",
            "I'm sorry: we offered it to another candidate last week and she's accepted. I do "
            "appreciate you calling, though.",
            choices=(
                Choice(
                    "s1_filled_door_open",
                    "That's completely understandable, and thank you for telling me straight. I "
                    "said no out of caution about leaving somewhere familiar, and I've since "
                    "realised your team is where I'd like to work. If something similar opens "
                    "up, would you keep me in mind?",
                    "You took the news gracefully, gave a short honest reason, said what "
                    "still draws you, and asked to be remembered for other roles.",
                    "Sam warms up: this is someone worth calling back.",
                    "s1_filled_future",
                    moves=("easy_out", "explain_change", "reaffirm"),
                    quality="strong",
                ),
                Choice(
                    "s1_filled_goodbye",
                    "Oh, okay. No problem. Thanks anyway, bye.",
                    "Polite, but you hung up before asking to be considered for other "
                    "roles, which is the whole point of the easy out.",
                    "Sam says goodbye and moves on to the next thing on the list.",
                    "end_s1_door_ajar",
                    quality="okay",
                ),
                Choice(
                    "s1_filled_push",
                    "Oh. Is there any chance it could fall through? Or could you make a second "
                    "role for me?",
                    "Pressing on a filled role turns a graceful exit into an awkward one; "
                    "the easy out is there so Sam doesn't have to refuse you twice.",
                    "Sam's answers get shorter.",
                    "end_s1_closed",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s1_filled_future",
            "I will. Actually, we have another analyst post planned for the spring. Would you "
            "want to hear when it's advertised?",
            choices=(
                Choice(
                    "s1_future_coffee",
                    "Yes, very much. And if it would help, I'd be glad to come in for a coffee "
                    "before then, so you can get a sense of what I'd bring.",
                    "You said yes and proposed meeting face to face, so the next "
                    "conversation starts warm.",
                    "Sam likes the idea and suggests a date.",
                    "end_s1_door_open",
                    quality="strong",
                ),
                Choice(
                    "s1_future_yes",
                    "Yes, please do let me know. Thank you.",
                    "The door stays open, though Sam now has to do the next step.",
                    "Sam makes a note to get in touch.",
                    "end_s1_door_open",
                    quality="okay",
                ),
                Choice(
                    "s1_future_too_late",
                    "The spring? That's a long way off. I'll probably have taken something else "
                    "by then.",
                    "Sam offered you a way back and you waved it off; keep options open "
                    "without sounding as if this one doesn't matter.",
                    "Sam shrugs it off, a little deflated.",
                    "end_s1_door_ajar",
                    quality="weak",
                ),
            ),
        ),
        # -- Open but wary -----------------------------------------------------------------
        Node(
            "s1_wary",
            "It's still open, as it happens. But I'll be honest: three weeks ago you were very "
            "sure. What's changed?",
            choices=(
                Choice(
                    "s1_wary_reason",
                    "That's a fair question. When the offer came, I let the fear of leaving a "
                    "familiar job make the decision. Building the reporting from the ground up "
                    "is exactly what drew me to your team, and I've realised it's the work I "
                    "trained for.",
                    "A specific, honest reason plus what still draws you: the change of "
                    "heart now makes sense.",
                    "Sam nods along: the reason hangs together.",
                    "s1_wary_doubt",
                    moves=("explain_change", "reaffirm"),
                    quality="strong",
                ),
                Choice(
                    "s1_wary_vague",
                    "I just realised it's a great opportunity, and your team seemed really good.",
                    "Warm, but it doesn't say what changed, so the reversal still looks "
                    "like a whim.",
                    "Sam isn't satisfied yet.",
                    "s1_wary_probe",
                    moves=("reaffirm",),
                    quality="okay",
                ),
                Choice(
                    "s1_wary_money",
                    "My current employer didn't give me the raise they hinted at, so I'm keeping "
                    "my options open.",
                    "It's a reason to leave your job, not a reason to join Sam's team, and "
                    "it suggests you could leave again for the next raise.",
                    "Sam's interest cools.",
                    "s1_wary_probe",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s1_wary_probe",
            "I need to understand what's actually different about how you see this role. "
            "Otherwise I worry we'll be back here in six months.",
            choices=(
                Choice(
                    "s1_probe_reason",
                    "You're right to ask. Honestly, I let the fear of leaving somewhere familiar "
                    "decide for me. I've looked hard at that since, and I'm not willing to let it "
                    "make the choice again.",
                    "You named the real reason and what you've done about it, which is "
                    "what a wary manager needs to hear.",
                    "Sam's shoulders drop a little: this sounds considered.",
                    "s1_wary_doubt",
                    moves=("explain_change",),
                    quality="strong",
                ),
                Choice(
                    "s1_probe_later",
                    "Could I think about how to put it and email you?",
                    "Better than a bad answer, but the reason is the heart of this call; "
                    "have it ready before you dial.",
                    "Sam agrees, without much conviction.",
                    "end_s1_think_it_over",
                    quality="okay",
                ),
                Choice(
                    "s1_probe_defend",
                    "I don't think I should have to justify it. People change their minds.",
                    "You're entitled to change your mind, but without a reason you look "
                    "flighty, and Sam has no way to trust the new decision.",
                    "Sam decides not to take the risk.",
                    "end_s1_closed",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s1_wary_doubt",
            "Okay, that makes sense. But how do I know you won't get cold feet again?",
            choices=(
                Choice(
                    "s1_doubt_meet",
                    "That's fair, and I'd ask the same. Could we meet in person? I'd like to "
                    "show you I've thought this through, and you can test me on it. If you "
                    "decide to go another way, I'll understand.",
                    "You accepted the doubt as fair, offered a face-to-face meeting to "
                    "answer it, and left Sam free to say no.",
                    "Sam thinks a meeting is a reasonable next step.",
                    "s1_meeting_offer",
                    moves=("easy_out",),
                    quality="strong",
                ),
                Choice(
                    "s1_doubt_promise",
                    "I promise I won't. I'm completely sure this time.",
                    "Sincere, but a promise is what Sam heard last time; offer something "
                    "Sam can check, such as a meeting.",
                    "Sam isn't convinced by a promise alone.",
                    "end_s1_think_it_over",
                    quality="okay",
                ),
                Choice(
                    "s1_doubt_irritated",
                    "I've already explained that.",
                    "The question is fair after a reversal; impatience reads as the very "
                    "immaturity Sam is worried about.",
                    "Sam's doubts harden.",
                    "end_s1_closed",
                    quality="weak",
                ),
            ),
        ),
        # -- Open and glad -----------------------------------------------------------------
        Node(
            "s1_glad",
            "It's still open, and honestly, I'm really pleased you called. We interviewed two "
            "more people and I kept comparing them to you.",
            choices=(
                Choice(
                    "s1_glad_meet",
                    "That's kind of you, thank you. What drew me in hasn't changed: the chance "
                    "to build the reporting from scratch. I held back out of caution about "
                    "leaving a familiar job, and I've realised that was the wrong reason. Could "
                    "we meet in person to talk it through?",
                    "You reaffirmed what drew you, explained the change in a sentence, "
                    "and asked for the face-to-face meeting.",
                    "Sam is delighted and reaches for the calendar.",
                    "s1_meeting_offer",
                    moves=("reaffirm", "explain_change"),
                    quality="strong",
                ),
                Choice(
                    "s1_glad_start",
                    "That's great! So can I just accept the original offer? I could start in "
                    "two weeks.",
                    "Enthusiastic, but it skips why you changed your mind and rushes a "
                    "decision Sam will want to think about.",
                    "Sam is pleased but wants to slow down.",
                    "s1_glad_slowdown",
                    moves=("reaffirm",),
                    quality="okay",
                ),
                Choice(
                    "s1_glad_salary",
                    "Great. Before anything else, could you match a higher salary this time?",
                    "Opening with terms makes the change of heart look like a negotiating "
                    "move; talk about pay once the door is open again.",
                    "Sam's enthusiasm cools a little.",
                    "s1_glad_slowdown",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s1_glad_slowdown",
            "Hold on, let's not jump ahead. Before anything's settled, I'd want to understand "
            "your change of heart properly.",
            choices=(
                Choice(
                    "s1_slowdown_explain",
                    "Of course, I got ahead of myself. I let worry about leaving a familiar job "
                    "decide for me, and I've realised the work on your team is what I actually "
                    "want. Would it help to meet face to face and talk it through?",
                    "You took the nudge well, gave the reason and proposed the meeting.",
                    "Sam is happy to set something up.",
                    "s1_meeting_offer",
                    moves=("explain_change", "reaffirm"),
                    quality="strong",
                ),
                Choice(
                    "s1_slowdown_rush",
                    "It's simple: I changed my mind. So when can I sign?",
                    "Sam asked for the reason and you pressed for a contract instead.",
                    "Sam decides to step back and think.",
                    "end_s1_think_it_over",
                    quality="weak",
                ),
            ),
        ),
        # -- Arranging the meeting ---------------------------------------------------------
        Node(
            "s1_meeting_offer",
            "I'd like that. Could you come in next Tuesday morning? I'll ask Lena from the team "
            "to join us.",
            choices=(
                Choice(
                    "s1_meeting_confirm",
                    "Tuesday morning works. Thank you. I'll email you today to confirm, and I'll "
                    "come ready to talk about what I'd do in my first few months.",
                    "You accepted, confirmed in writing, and showed how you'll use the "
                    "meeting.",
                    "Sam puts it in the diary, looking forward to it.",
                    "end_s1_meeting",
                    quality="strong",
                ),
                Choice(
                    "s1_meeting_phone",
                    "Could we just do it over the phone instead? It would be easier for me.",
                    "Workable, but the face-to-face meeting you wanted was on the table "
                    "and you traded it for convenience.",
                    "Sam agrees, a little less invested.",
                    "end_s1_think_it_over",
                    quality="okay",
                ),
                Choice(
                    "s1_meeting_anything",
                    "Tuesday's fine. And honestly, just tell me the start date; I'll take "
                    "whatever is on offer.",
                    "Eagerness without any terms can read as desperation, and it skips "
                    "the conversation the meeting is for.",
                    "Sam pauses, unsure what to make of it.",
                    "end_s1_think_it_over",
                    quality="weak",
                ),
            ),
        ),
        # -- Endings -----------------------------------------------------------------------
        Node(
            "end_s1_meeting",
            "Great. See you Tuesday, and thanks for calling. It took some nerve.",
            ending=Ending(
                "end_s1_meeting",
                "A face-to-face meeting, arranged",
                "You reached what the asker in the column hoped for: a meeting in person to "
                "talk about joining the team, with Sam already knowing why you changed your "
                "mind.",
                "good",
            ),
        ),
        Node(
            "end_s1_door_open",
            "Leave it with me. I'll be in touch before the spring post goes out.",
            ending=Ending(
                "end_s1_door_open",
                "The door is open for the next role",
                "The role had gone, and that was never in your hands. You made it easy for Sam "
                "to say so and left a clear reason to think of you next time.",
                "good",
            ),
        ),
        Node(
            "end_s1_door_ajar",
            "Okay then. Take care.",
            ending=Ending(
                "end_s1_door_ajar",
                "Polite, but no next step",
                "Nothing went badly, but the call ended without a clear way back. When the role "
                "has gone, asking warmly to be kept in mind, and welcoming the next opening, is "
                "what keeps the door open.",
                "mixed",
            ),
        ),
        Node(
            "end_s1_think_it_over",
            "Let me think it over, and I'll get back to you.",
            ending=Ending(
                "end_s1_think_it_over",
                "Sam will think it over",
                "The role is still a possibility, but something in the call left Sam unsure: a "
                "missing reason, pressure to decide, or a face-to-face meeting turned down or "
                "rushed past.",
                "mixed",
            ),
        ),
        Node(
            "end_s1_closed",
            "I don't think this is going to work. Good luck with everything.",
            ending=Ending(
                "end_s1_closed",
                "The door swings shut",
                "Sam ended the call. Pressing on a filled role, refusing to explain, or "
                "bristling at a fair question turns a call that cost little into one that costs "
                "your standing with this manager.",
                "poor",
            ),
        ),
    ),
)


# Scenario 2: you didn't handle it well ---------------------------------------------------

_S2_SITUATION = (
    "A month ago Priya Nair offered you a project coordinator role. You told her you were "
    "thrilled and would sign by Monday. Then you got cold feet, said nothing for ten days, and "
    "finally sent a two-line email declining. Now you regret it. You dial Priya's number."
)

CALL_SCENARIO2 = Roleplay(
    id="call_scenario2",
    title="The call back: the decline went badly (Scenario 2)",
    start_id="s2_pickup",
    scenario=2,
    situation=_S2_SITUATION,
    nodes=(
        Node(
            "s2_pickup",
            "Priya Nair. Oh. Hello. I didn't expect to hear from you.",
            cue=_S2_SITUATION,
            choices=(
                Choice(
                    "s2_open_own",
                    "Thanks for picking up. I've had a change of heart about the job and want to "
                    "tell you why, but first I owe you an apology. I told you I'd sign by Monday, "
                    "then left you waiting ten days for a two-line email. That probably cost you "
                    "time with your other candidates, and I'm sorry.",
                    "You named exactly what you did and what it cost Priya, and "
                    "apologised for that cost before asking for anything.",
                    "Priya's tone softens slightly; she didn't expect you to say it first.",
                    "s2_cost",
                    moves=("own_misstep",),
                    quality="strong",
                ),
                Choice(
                    "s2_open_vague",
                    "I've had a change of heart about the job and want to tell you why. I know the "
                    "way I handled the decline wasn't great, either.",
                    "You hinted at the misstep, but 'wasn't great' doesn't name what "
                    "happened or what it cost Priya, and there's no apology.",
                    "Priya stays guarded.",
                    "s2_guarded",
                    quality="okay",
                ),
                Choice(
                    "s2_open_ask",
                    "Is the coordinator job still open? I've changed my mind and I'd love to take "
                    "it.",
                    "In Scenario 2 the repair has to come first; asking for the job while "
                    "the misstep hangs in the air makes it look as if you haven't noticed it.",
                    "Priya goes cold.",
                    "s2_cold",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s2_cost",
            "Well, thank you for saying that. It did cause problems. I'd let our second choice go "
            "because you said yes, and by the time your email came she'd taken another job.",
            choices=(
                Choice(
                    "s2_cost_listen",
                    "I didn't know that. I'm sorry it cost you your second choice. Is there "
                    "anything else about how I handled it that's on your mind? I'd rather hear "
                    "it.",
                    "You let Priya respond, took in the cost without defending yourself, "
                    "and invited any other concerns.",
                    "Priya decides to be frank with you.",
                    "s2_concern",
                    moves=("invite_response",),
                    quality="strong",
                ),
                Choice(
                    "s2_cost_move_on",
                    "I'm really sorry. Can I tell you why I've changed my mind?",
                    "The apology is sincere, but you hurried past Priya's side; let her say "
                    "what's on her mind before you make your case.",
                    "Priya lets you go on, with reservations unspoken.",
                    "s2_what_changed",
                    quality="okay",
                ),
                Choice(
                    "s2_cost_defend",
                    "To be fair, I did send an email in the end. It's not as if I vanished.",
                    "Defending yourself undoes the apology you just made.",
                    "Priya's patience runs out.",
                    "s2_cold",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s2_concern",
            "Since you ask, yes. What bothers me most isn't the delay itself. It's wondering how "
            "you'd handle a client when things got awkward. Going quiet isn't an option in this "
            "job.",
            choices=(
                Choice(
                    "s2_concern_permission",
                    "That's a fair worry, and it's reasonable for you to weigh it when you decide "
                    "whether to reconsider me. I'd understand if it counts against me.",
                    "You gave Priya explicit permission to factor the misstep into her "
                    "decision, which is what makes the apology believable.",
                    "Priya is noticeably more open.",
                    "s2_what_changed",
                    moves=("permission",),
                    quality="strong",
                ),
                Choice(
                    "s2_concern_promise",
                    "I understand. It won't happen again, I promise.",
                    "Well meant, but a promise asks Priya to set the worry aside; telling "
                    "her it's fair to weigh it shows you take it seriously.",
                    "Priya notes the promise, unconvinced.",
                    "s2_what_changed",
                    quality="okay",
                ),
                Choice(
                    "s2_concern_dismiss",
                    "That's different. With a client I'd obviously be professional.",
                    "Waving away the concern tells Priya it's still a live risk.",
                    "Priya hears exactly what she feared.",
                    "s2_cold",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s2_guarded",
            "Before we get to your reasons, I have to be honest. You told me you'd sign, and then "
            "I heard nothing for ten days. That put me in a difficult spot.",
            choices=(
                Choice(
                    "s2_guarded_own",
                    "You're right, and I'm sorry. I said yes, then went quiet because I was "
                    "embarrassed, and it cost you time you didn't have. That's on me. Is there "
                    "anything else about it you'd want me to hear?",
                    "Strong recovery. You owned the misstep and its cost in plain words, then "
                    "invited Priya to say more.",
                    "Priya decides to tell you what's really on her mind.",
                    "s2_concern",
                    moves=("own_misstep", "invite_response"),
                    quality="strong",
                ),
                Choice(
                    "s2_guarded_sorry",
                    "Sorry about that.",
                    "Better than nothing, but it doesn't name what happened or its cost, "
                    "and it closes the subject before Priya can respond.",
                    "Priya isn't satisfied with a two-word apology.",
                    "s2_cold",
                    quality="okay",
                ),
                Choice(
                    "s2_guarded_excuse",
                    "I was really busy at the time, and it was a hard decision.",
                    "An excuse asks Priya to carry the cost of your misstep.",
                    "Priya stiffens.",
                    "s2_cold",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s2_cold",
            "Look, I'll be straight with you. After how last month went, I'm not inclined to "
            "reopen this.",
            choices=(
                Choice(
                    "s2_cold_repair",
                    "That's fair. I let you down, and I'm sorry for what it cost you. It's "
                    "reasonable for you to weigh that. If you're willing, I'd value two minutes "
                    "to explain what's changed, and if not, I understand.",
                    "Strong recovery. A late repair is harder, but owning the misstep and giving "
                    "permission to weigh it can still earn a hearing.",
                    "Priya gives you two minutes.",
                    "s2_what_changed",
                    moves=("own_misstep", "permission"),
                    quality="strong",
                ),
                Choice(
                    "s2_cold_accept",
                    "I understand. If anything changes, I'd still be glad to hear from you.",
                    "Gracious, and the door isn't slammed, but you left without repairing "
                    "anything.",
                    "Priya is civil, and noncommittal.",
                    "end_s2_door_ajar",
                    moves=("easy_out",),
                    quality="okay",
                ),
                Choice(
                    "s2_cold_argue",
                    "I think you're overreacting. It was just an email.",
                    "Arguing about how Priya feels confirms the doubts about your "
                    "maturity.",
                    "Priya ends the call.",
                    "end_s2_closed",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s2_what_changed",
            "All right. So what's changed? Why do you want the job now?",
            choices=(
                Choice(
                    "s2_changed_reason",
                    "When you offered it, I was excited about running the launch projects, and "
                    "that hasn't changed. What happened is I panicked about leaving a team I'd "
                    "been with for six years, and instead of talking to you I went quiet. I've "
                    "realised that fear made the choice, not the job.",
                    "You reaffirmed what drew you and gave an honest reason that also "
                    "explains the silence, so it hangs together.",
                    "Priya listens closely; the story makes sense.",
                    "s2_weigh",
                    moves=("reaffirm", "explain_change"),
                    quality="strong",
                ),
                Choice(
                    "s2_changed_vague",
                    "I just think it's a better opportunity than I realised at the time.",
                    "It says you want the job, but not what changed, so Priya has to take "
                    "the reversal on trust.",
                    "Priya notes the gap.",
                    "s2_weigh",
                    moves=("reaffirm",),
                    quality="okay",
                ),
                Choice(
                    "s2_changed_money",
                    "Honestly, my current place turned down my pay rise.",
                    "It explains why you want to leave, not why you want this job, and it "
                    "hints you might leave again.",
                    "Priya's interest fades.",
                    "end_s2_think",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s2_weigh",
            "I'm not going to pretend last month didn't happen, and the role may not stay "
            "open long: we restarted the search this week.",
            choices=(
                Choice(
                    "s2_weigh_meet",
                    "That's fair. If you go with someone from the new search, I'll understand, "
                    "and I'd still like to be considered for future roles. If you're open to it, "
                    "could we meet in person? I'd like the chance to show you how I'd handle "
                    "things differently.",
                    "You made it easy for Priya to choose someone else, kept the door "
                    "open for later, and asked for a face-to-face meeting.",
                    "Priya thinks a meeting is fair.",
                    "s2_meeting",
                    moves=("easy_out",),
                    quality="strong",
                ),
                Choice(
                    "s2_weigh_leave",
                    "I understand. I'll leave it with you. Thank you for hearing me out.",
                    "Gracious, but you left without a next step; ask for the meeting you "
                    "want.",
                    "Priya thanks you and says she'll bear it in mind.",
                    "end_s2_door_ajar",
                    moves=("easy_out",),
                    quality="okay",
                ),
                Choice(
                    "s2_weigh_pause",
                    "Could you pause the search until we've had a chance to talk properly?",
                    "Asking Priya to hold up her search again repeats the cost you just "
                    "apologised for.",
                    "Priya bristles at being asked to wait on you again.",
                    "end_s2_think",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "s2_meeting",
            "All right. I can do Thursday at four. Bring examples of how you've handled pressure; "
            "I'll want to talk about that.",
            choices=(
                Choice(
                    "s2_meeting_confirm",
                    "Thursday at four works. I'll bring examples, and I'll email you today to "
                    "confirm. Thank you for giving me the chance.",
                    "A prompt, definite answer is itself evidence against the worry "
                    "about going quiet.",
                    "Priya sounds, for the first time, a little hopeful.",
                    "end_s2_meeting",
                    quality="strong",
                ),
                Choice(
                    "s2_meeting_hedge",
                    "Thursday might be tricky. Can I let you know?",
                    "Being vague about a reply is the one thing Priya is most worried "
                    "about; give a definite answer, even if it's another time.",
                    "Priya hears the old pattern.",
                    "end_s2_think",
                    quality="weak",
                ),
            ),
        ),
        Node(
            "end_s2_meeting",
            "See you Thursday, then. And thank you for owning it. Not everyone would.",
            ending=Ending(
                "end_s2_meeting",
                "A second hearing, face to face",
                "Priya agreed to meet you in person, which is more than most people get after "
                "going quiet. The repair made it possible: once the misstep was owned, she "
                "could hear your reasons.",
                "good",
            ),
        ),
        Node(
            "end_s2_door_ajar",
            "I'll bear it in mind. Thanks for calling.",
            ending=Ending(
                "end_s2_door_ajar",
                "Heard, but no next step",
                "The call ended civilly, but without a meeting or a clear way forward. In "
                "Scenario 2, a full repair and a specific ask give the manager something to say "
                "yes to.",
                "mixed",
            ),
        ),
        Node(
            "end_s2_think",
            "I'll think about it. I can't promise anything.",
            ending=Ending(
                "end_s2_think",
                "Priya will think about it",
                "Priya hasn't said no, but something in the call renewed her doubts: a reason "
                "that didn't explain the change, a request that cost her again, or a vague "
                "reply.",
                "mixed",
            ),
        ),
        Node(
            "end_s2_closed",
            "I don't think there's anything more to say. Goodbye.",
            ending=Ending(
                "end_s2_closed",
                "The door stays shut",
                "Arguing with how the manager feels confirms the doubt the misstep created. "
                "Practise the repair: own it, let them respond, and give permission to weigh "
                "it.",
                "poor",
            ),
        ),
    ),
)


ROLEPLAYS: MappingProxyType[str, Roleplay] = MappingProxyType(
    {roleplay.id: roleplay for roleplay in (CALL_SCENARIO1, CALL_SCENARIO2)}
)
"""Every role-play in the course, keyed by id."""

WORKED_PATH: dict[str, tuple[str, ...]] = {
    "call_scenario1": (
        "s1_open_easy_out",
        "s1_hear_glad",
        "s1_glad_meet",
        "s1_meeting_confirm",
    ),
    "call_scenario2": (
        "s2_open_own",
        "s2_cost_listen",
        "s2_concern_permission",
        "s2_changed_reason",
        "s2_weigh_meet",
        "s2_meeting_confirm",
    ),
}
"""One path of choice ids per role-play that reaches a good ending, for worked examples."""
