"""The pictures of a person: poses that can be copied, props where the words say, and a demonstration that
follows the timer's phase (clock injected), not a clock of its own."""

from __future__ import annotations

import math

import pytest

from ankle_course.body_model import COUNTER_HEIGHT, SEAT_HEIGHT, SITTING_HIP_ABOVE_SEAT, THIGH, pose_body
from ankle_course.content import ContentError, course, load_course
from ankle_course.content.poses import JOINT_LIMITS, JOINTS
from ankle_course.demo import MOVE_S, demo_fraction
from ankle_course.figures.exercises import exercise_scene, exercise_shapes, exercise_svgs
from ankle_course.timer import ExerciseTimer, TimerDosage
from ankle_course.widgets.timer import ExerciseTimerView

EXERCISES = list(course().exercises.values())


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.id)
def test_every_exercise_is_posed_and_its_end_moves_the_named_joint_within_the_named_range(ex):
    poses = ex.poses
    assert poses is not None, f"{ex.id} has no poses, so no picture of a person"
    moved = poses.end.get(poses.moves, 0.0) - poses.start.get(poses.moves, 0.0)
    low, high = poses.change
    assert moved != 0 and low <= moved <= high, f"{ex.id}: {poses.moves} moves {moved}, not in {poses.change}"
    for angles in (poses.start, poses.end):
        for joint, value in angles.items():
            limits = JOINT_LIMITS["trunk_lean" if joint == "trunk_lean" else joint.split("_", 1)[1]]
            assert joint in JOINTS and limits[0] <= value <= limits[1]


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.id)
def test_the_body_rests_where_the_exercise_says(ex):
    poses = ex.poses
    scene = exercise_scene(ex)
    for angles in (poses.start, poses.end):
        body = pose_body(angles, scene.support, scene.hands, scene.counter_x)
        p = body.points
        if scene.support.startswith("stand"):
            stance = ("r",) if scene.support == "stand_right" else ("r", "l")
            for side in stance:  # standing feet touch the floor, never sink into it
                assert min(c[1] for c in body.boxes[f"{side}_foot"]) == pytest.approx(0.0, abs=0.01)
            if scene.support == "stand_both" and not poses.end.get("r_ankle_df", 0) < 0:
                for side in stance:  # flat feet: the heel down as well as the toes
                    assert p[f"{side}_heel"][1] == pytest.approx(p[f"{side}_toe"][1], abs=0.02)
        if scene.support == "chair":
            assert p["pelvis"][1] == pytest.approx(SEAT_HEIGHT + SITTING_HIP_ABOVE_SEAT)
        if poses.start.get("r_knee_flex", 0) >= 90 and poses.start.get("r_hip_rot", 0) > 45:
            # the crossed leg: its ankle rests on top of the other knee ("the other leg under a crossed leg")
            assert math.dist(p["r_ankle"], p["l_knee"]) < 0.1
            assert p["r_ankle"][1] > p["l_knee"][1]
        if scene.hands in ("counter", "hover_counter"):
            for side in ("r", "l"):  # hands on (or just above) the counter, not in the air
                assert p[f"{side}_hand"][1] == pytest.approx(COUNTER_HEIGHT + 0.03, abs=0.06)
                assert p[f"{side}_hand"][0] >= scene.counter_x - 0.02
        if scene.hands == "hold_foot":
            assert math.dist(p["l_hand"], p["r_ball"]) < 0.08  # the hand is on the foot
        if scene.support == "floor":
            assert p["pelvis"][1] < THIGH / 2  # sitting on the floor


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.id)
def test_every_prop_the_exercise_names_is_drawn(ex):
    roles = " ".join(sh.role for sh in exercise_shapes(ex, 1.0))
    for prop in ex.poses.props:
        word = {"band_anchor": "band anchor"}.get(prop, prop)
        assert word in roles, f"{ex.id}: {prop} is not in the picture"
    for part in ("head", "trunk", "r thigh", "r shank", "r foot", "l thigh", "r upper arm", "l forearm", "r hand"):
        assert part in roles


def test_each_still_keeps_its_text_description_and_the_end_shows_the_movement():
    pictures = exercise_svgs()
    for ex in EXERCISES:
        start, end = pictures[f"exercise_{ex.id}_start.svg"], pictures[f"exercise_{ex.id}_end.svg"]
        from html import escape

        assert f"<desc id=\"d-{ex.id}\">{escape(ex.start_position)}</desc>" in start
        assert f"<desc id=\"d-{ex.id}\">{escape(ex.end_position)}</desc>" in end
        assert escape(ex.poses.caption) in end and ">End<" in end and ">Start<" in start


def test_a_pose_with_an_unknown_joint_or_an_impossible_angle_is_refused_naming_file_entry_and_field(content_copy):
    path = content_copy / "exercises.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('end = { r_ankle_df = -25, l_ankle_df = -25 }', 'end = { r_ankle_df = -95, l_toes = 3 }', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_course(content_copy)
    message = str(info.value)
    assert "exercises.toml" in message and "calf_raise_double" in message and "poses" in message
    assert "r_ankle_df must be from -60 to 40 degrees" in message and "unknown joint 'l_toes'" in message


# ------------------------------------------------------------------------------------------ moving with the timer
DOSAGE = TimerDosage(reps=2, sets=2, hold_s=4, rest_s=10, get_ready_s=5, relax_s=3)
# schedule: get ready 0-5, hold 5-9, relax 9-12, hold 12-16, rest 16-26, hold 26-30, relax 30-33, hold 33-37


@pytest.mark.parametrize("t, expected", [
    (2.0, 0.0),  # getting ready: still, in the start position
    (5.0, 0.0), (5 + MOVE_S, 1.0), (8.9, 1.0),  # into the end position at the start of the hold, kept there
    (9 + MOVE_S, 0.0), (11.9, 0.0),  # back to the start during the relax
    (20.0, 0.0),  # still while resting between sets
    (26 + MOVE_S, 1.0),  # the next set moves again
    (40.0, 0.0),  # done
])
def test_the_frame_follows_the_timer_phase_under_an_injected_clock(t, expected):
    clock = FakeClock()
    timer = ExerciseTimer(DOSAGE, clock=clock)
    timer.start()
    clock.now = t
    assert demo_fraction(timer.state, timer.schedule) == pytest.approx(expected)


def test_the_frame_moves_smoothly_into_the_hold_and_stands_still_while_paused():
    clock = FakeClock()
    timer = ExerciseTimer(DOSAGE, clock=clock)
    timer.start()
    frames = []
    for t in (5.0, 5.4, 5.8, 6.2, 6.5):
        clock.now = t
        frames.append(demo_fraction(timer.state, timer.schedule))
    assert frames == sorted(frames) and frames[0] == 0 and frames[-1] == 1 and 0 < frames[2] < 1
    clock.now = 5.6
    timer.pause()
    paused = demo_fraction(timer.state, timer.schedule)
    clock.now = 50.0  # time passes, the timer does not: nor does the figure
    assert demo_fraction(timer.state, timer.schedule) == paused


def _frame(view: ExerciseTimerView) -> str:
    return view.demo.value.split('data-frame="')[1].split('"')[0]


def test_the_timer_view_redraws_the_figure_on_its_own_tick():
    clock = FakeClock()
    v = ExerciseTimerView(clock=clock, exercise="calf_raise_double")
    assert _frame(v) == "0.000" and "<svg" in v.demo.value
    v.start_button.click()  # get ready 5 s, then hold 2 s, relax 2 s (dosage 10 x 2, rest 60)
    clock.now = 5 + 1.0
    v.refresh()
    assert _frame(v) == "1.000"  # in the hold: the heels are up
    clock.now = 5 + 2 + 1.0
    v.refresh()
    assert _frame(v) == "0.000"  # relaxing: back down
    clock.now = 5 + 10 * 2 + 9 * 2 + 30  # resting between sets
    v.refresh()
    assert "Rest" in v.phase.value and _frame(v) == "0.000"


def test_reduce_motion_shows_the_two_stills_and_the_page_honours_prefers_reduced_motion():
    v = ExerciseTimerView(exercise="balance_single_leg")
    assert "@media (prefers-reduced-motion: reduce)" in v.demo.value
    assert ".ankle-timer-demo{display:none !important}" in v.demo.value
    assert v.stills.value.count("data:image/svg+xml;base64,") == 2
    assert v.demo.layout.display != "none" and v.stills.layout.display == "none"
    v.reduce_motion.value = True
    assert v.demo.layout.display == "none" and v.stills.layout.display != "none"


def test_the_exercise_cards_play_the_movement_on_request_and_keep_still_for_reduced_motion():
    from ankle_course.widgets.exercises import exercise_card_html

    html = exercise_card_html("calf_stretch", demo=True)
    assert "<summary>▶ Show the movement</summary>" in html and "@keyframes" in html
    assert "@media (prefers-reduced-motion: reduce)" in html
    assert "ankle-exercise-demo" not in exercise_card_html("calf_stretch")


def test_the_rear_view_is_the_front_view_seen_from_behind():
    from dataclasses import replace

    from ankle_course.body_model import drawing

    ex = course().exercises["calf_raise_double"]
    scene = exercise_scene(ex)
    front = {sh.role: sh.points for sh in drawing(ex.poses.end, replace(scene, view="front"))}
    rear = {sh.role: sh.points for sh in drawing(ex.poses.end, replace(scene, view="rear"))}
    for role in ("r shank", "l thigh", "head"):
        mirrored = [c for x, y in front[role] for c in (-x, y)]
        assert mirrored == pytest.approx([c for p in rear[role] for c in p])


def test_without_the_images_folder_the_cards_draw_the_same_pictures_from_the_model(monkeypatch, tmp_path):
    import base64

    from ankle_course import exercise_cards as view

    ex = course().exercises["calf_stretch"]
    committed = view.picture(ex, "end")
    monkeypatch.setattr(view, "IMAGES", tmp_path)  # e.g. the browser-only site ships the package only
    drawn = view.picture(ex, "end")
    assert drawn == committed
    svg = base64.b64decode(drawn.split("base64,")[1].split('"')[0]).decode()
    assert svg == exercise_svgs()["exercise_calf_stretch_end.svg"]
