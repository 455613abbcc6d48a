"""The one error type the library raises for bad learner or command-line input."""

from __future__ import annotations


class CourseInputError(ValueError):
    """Raised when an input cannot be used; ``field`` names the input at fault."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")
