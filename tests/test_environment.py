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


def test_voila_kernels_are_the_app_and_pyodide_the_browser_site():
    from ankle_course.environment import front_end

    assert front_end({"VOILA_SERVER_URL": "/", "VOILA_BASE_URL": "/"}, platform="linux") == "app"
    assert front_end({"VOILA_KERNEL_ID": "abc"}, platform="linux") == "app"
    assert front_end({}, platform="emscripten") == "browser"
    assert front_end({"JUPYTERHUB_USER": "x", "VOILA_SERVER_URL": ""}, platform="linux") == "lab"


def test_restart_advice_names_the_run_menu_only_where_there_is_one():
    from ankle_course.environment import restart_advice

    assert "Run" not in restart_advice("app") and "reload" in restart_advice("app")
    assert "Restart Kernel and Run All Cells" in restart_advice("lab")
