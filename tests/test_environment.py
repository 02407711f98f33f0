"""Progress messages tell the learner where their work is and whether it will last."""

from ankle_course.environment import storage_message, where


def test_pyodide_is_the_browser_only_course():
    assert where({}, platform="emscripten") == "browser"


def test_binder_is_recognised_before_the_jupyterhub_it_runs_on():
    assert where({"BINDER_LAUNCH_HOST": "https://mybinder.org/", "JUPYTERHUB_USER": "x"}, platform="linux") == "binder"


def test_a_class_hub_and_a_laptop_are_told_apart():
    assert where({"JUPYTERHUB_USER": "student1"}, platform="linux") == "hub"
    assert where({}, platform="linux") == "local"


def test_only_temporary_places_warn_that_progress_will_be_lost():
    assert "deleted" in storage_message("binder", "/x") and "deletes it" in storage_message("browser", "/x")
    assert "stays there" in storage_message("hub", "/x") and "deleted" not in storage_message("local", "/x")
