"""Everything the diagnosis notebook displays, importable in one line."""

from .diagnosis_common import sources_list
from .diagnosis_fagan import fagan_explorer
from .diagnosis_gallery import imaging_chooser, special_tests_gallery
from .diagnosis_ottawa import ottawa_calculator

__all__ = ["fagan_explorer", "imaging_chooser", "ottawa_calculator", "sources_list", "special_tests_gallery"]
