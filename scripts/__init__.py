"""The project's tools: the checker (scripts.check), the audit and the exports."""
