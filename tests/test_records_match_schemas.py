"""Each content record and its schema list the same fields: a field added to one and not the other would be
refused on load (marshmallow's unknown = RAISE) or silently never set."""

from __future__ import annotations

from dataclasses import fields as dc_fields

import pytest

from ankle_course.content import schemas
from ankle_course.content.checker import model_loader


def _record_schemas() -> list[type[schemas.RecordSchema]]:
    found = [v for module in (schemas, model_loader) for v in vars(module).values()
             if isinstance(v, type) and issubclass(v, schemas.RecordSchema) and v is not schemas.RecordSchema]
    return sorted(set(found), key=lambda s: s.__name__)


@pytest.mark.parametrize("schema", _record_schemas(), ids=lambda s: s.__name__)
def test_each_records_fields_are_its_schemas_fields(schema: type[schemas.RecordSchema]):
    assert set(schema().fields) == {f.name for f in dc_fields(schema.record)}


def test_every_kind_of_content_is_checked():
    assert len(_record_schemas()) >= 25


def test_nested_lists_become_nested_tuples_in_every_record():
    from ankle_course.content import course

    shape = next(iter(course().anatomy_shapes.values())).medial
    assert isinstance(shape.parts, tuple) and isinstance(shape.parts[0], tuple) and isinstance(shape.parts[0][0], tuple)
