"""QThread workers wrapping the engine, the import and the client: results, progress and errors come
back to the GUI thread as signals carrying plain data. No widget is touched from a worker."""

from ..changes import Changes, Outcome
from .task import Task, TaskContext, TaskError, TaskManager, user_message

__all__ = ["Changes", "Outcome", "Task", "TaskContext", "TaskError", "TaskManager", "user_message"]
