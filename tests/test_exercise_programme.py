"""The home programme is complete and states one pain rule: every page reads it from programme.toml.

Pinned here: the pain rule, the progression rule and the frequency come from one place (change the data
and the card, the page's table, the handout and the advice all change together); no exercise text or
learner-facing notebook text restates the numbers; the eversion stretch carries its caution and stays out
of the default handout for the conditions it could harm; the long-hold dosage agrees with the page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ankle_course.content import course, load_course
from ankle_course.handout import default_exercises, plan_html
from ankle_course.progression import EASE_OFF, KEEP, advise, rule
from ankle_course.widgets.exercises import exercise_card_html, pain_rule_html

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "05_exercises.ipynb"


@pytest.fixture(scope="module")
def edited(content_copies):
    """The shipped content with a different pain rule: 4/10 during, comfortable at 1 to 2, one point over usual."""
    folder = content_copies()
    path = folder / "programme.toml"
    text = path.read_text(encoding="utf-8")
    for old, new in (("pain_during_max = 5", "pain_during_max = 4"), ("comfortable_low = 2", "comfortable_low = 1"),
                     ("comfortable_high = 3", "comfortable_high = 2"), ("morning_margin = 0", "morning_margin = 1"),
                     ("days_per_week_min = 3", "days_per_week_min = 2")):
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return load_course(folder)


def test_the_pain_rule_comes_from_one_place_page_card_handout_and_advice(edited):
    table = pain_rule_html(edited)
    assert "up to about 4 out of 10" in table and "above 4 out of 10" in table
    assert "about 1 to 2 out of 10" in table and "2 to 5 days a week" in table
    card = exercise_card_html("calf_raise_double", edited)
    assert "Pain up to about 4 out of 10" in card and "about 1 to 2 out of 10" in card
    handout = plan_html("osteoarthritis", "early", "calf_raise_double", content=edited)
    assert "up to about 4 out of 10" in handout and "2 to 5 days a week" in handout
    assert "5 out of 10" not in handout
    plan = rule(edited)
    assert advise(5, 0, plan=plan).kind == EASE_OFF  # 5 is above the edited limit of 4
    assert advise(4, 2, usual_morning=1, plan=plan).kind == KEEP  # one point over usual is allowed now
    assert advise(5, 0).kind == KEEP  # the shipped rule is unchanged


def test_no_exercise_text_restates_the_pain_numbers():
    for ex in course().exercises.values():
        words = " ".join((ex.purpose, *ex.steps, *ex.cautions, ex.progression or "", ex.start_position or "",
                          ex.end_position or ""))
        assert not re.search(r"\d+\s*(out of 10|/10)", words), f"{ex.id} restates a pain number; use programme.toml"


def _learner_markdown() -> list[str]:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"
            and not "".join(c["source"]).startswith("> **🎓 PT-student depth")]


def test_the_notebook_shows_the_rule_from_data_and_does_not_restate_it():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    assert any("".join(c["source"]).strip() == "pain_rules()" for c in cells if c["cell_type"] == "code")
    for text in _learner_markdown():
        assert "out of 10" not in text, text[:80]


def test_the_widgets_hard_code_neither_a_pain_limit_nor_an_exercise():
    source = (ROOT / "ankle_course" / "widgets" / "exercises.py").read_text(encoding="utf-8")
    for ident in course().exercises:
        assert f'"{ident}"' not in source, ident
    assert not re.search(r"[<>]=?\s*[0-9]\b", source.split("class SessionLogView")[1]), "a pain number in the log"


def test_the_long_hold_dosage_says_2_to_3_times_like_the_page():
    pages = " ".join(_learner_markdown())
    assert "**2 to 3 times**" in pages
    for ident in ("rom_dorsiflexion", "rom_plantarflexion", "rom_inversion", "rom_eversion", "calf_stretch"):
        long = course().exercises[ident].dosages[-1]
        assert (long.reps, long.reps_max) == (2, 3) and "2 to 3 times" in long.label, ident


def test_the_eversion_stretch_warns_and_is_left_out_of_the_default_for_the_conditions_it_could_harm():
    ex = course().exercises["rom_eversion"]
    caution = " ".join(ex.cautions)
    for words in ("tingling", "flattening", "inner-ankle sprain", "tarsal tunnel", "tibialis posterior"):
        assert words in caution, words
    assert "kinoshita_dfe_2001" in ex.refs
    for condition in ("tarsal_tunnel_syndrome", "posterior_tibial_tendinopathy", "medial_ankle_sprain"):
        assert "rom_eversion" not in default_exercises(condition)
    assert "rom_eversion" in default_exercises("osteoarthritis")


def test_the_programme_has_balance_with_levels_and_the_calf_stretch_with_their_sources():
    exercises = course().exercises
    balance = exercises["balance_single_leg"]
    assert [d.label.split(",")[1].split(":")[0].strip() for d in balance.dosages] == [
        "eyes open", "eyes closed", "on a cushion"]
    assert {"hupperets_balance_bmj_2009", "martin_sprain_cpg_2021"} <= set(balance.refs)
    stretch = exercises["calf_stretch"]
    assert {"alvarez_pttd_nonoperative_2006", "kulig_pttd_2009"} <= set(stretch.refs)
    assert "soleus" in " ".join(stretch.steps)
    assert {"balance_single_leg", "calf_stretch"} <= set(rule().default_handout)


def test_the_handout_carries_the_frequency_and_every_chosen_exercise_picture():
    html = plan_html("osteoarthritis", "early", "")
    assert "days a week" in html and "When to progress" in html
    chosen = default_exercises("osteoarthritis")
    assert html.count("data:image/svg+xml;base64,") == 2 * len(chosen)
    assert "ankle-exercise-demo" not in html  # paper does not move: the handout has the stills only


def test_new_references_carry_full_bibliographic_data():
    refs = course().references
    for ident, words in (("hupperets_balance_bmj_2009", "BMJ. 2009;339:b2684"),
                         ("martin_sprain_cpg_2021", "J Orthop Sports Phys Ther. 2021;51(4):CPG1-CPG80"),
                         ("winter_biomechanics_2009", "4th ed.")):
        assert words in refs[ident].citation


def test_the_timer_and_session_log_offer_the_new_exercises():
    from ankle_course.widgets.timer import ExerciseTimerView

    view = ExerciseTimerView(exercise="balance_single_leg")
    offered = dict((ident, name) for name, ident in view.exercise.options)
    assert {"balance_single_leg", "calf_stretch"} <= set(offered)
    assert [label for label, _ in view.dosage.options][1] == "Level 2, eyes closed: 30 s × 3"
    view.exercise.value = "calf_stretch"
    assert (view.reps.value, view.hold.value) == (2, 30)
