"""The symptom checker's data: the contract's vocabulary (findings, conditions, levels), the model read from
`data/triage/` and validated, the findings derived from others, and the safety floors.

It lives in the content layer, under the logic in `ankle_course.triage` that ranks and explains, so the
course's content check can validate the checker's files without importing the engine that uses them.
"""
