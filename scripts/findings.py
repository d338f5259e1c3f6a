"""What a check reports: one line an editor can act on, and a GitHub annotation under Actions."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the repository
    line: int
    check: str  # the check's id, as CONTRIBUTING.md lists it
    problem: str  # what is wrong
    fix: str  # how to fix it
    severity: str = ERROR
    detail: str = ""  # a diff or other lines shown under the finding

    def __str__(self) -> str:
        label = "warning: " if self.severity == WARNING else ""
        text = f"{self.path}:{self.line}: {label}[{self.check}] {self.problem} — {self.fix}"
        return f"{text}\n{self.detail}" if self.detail else text

    def annotation(self) -> str:
        """The workflow command that GitHub Actions turns into an annotation on the pull request."""
        message = f"{self.problem} — {self.fix}"
        if self.detail:
            message += "\n" + self.detail
        return (f"::{self.severity} file={_property(self.path)},line={self.line},title={_property(self.check)}"
                f"::{_data(message)}")


def _data(value: str) -> str:
    """A workflow command's message: no line break can end it and start a command of its own."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    """A workflow command's property: its separators escaped too (a file name cannot write one)."""
    return _data(value).replace(":", "%3A").replace(",", "%2C")
