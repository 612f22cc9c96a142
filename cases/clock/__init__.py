"""The pure deadline engine: working-day calendar (calendar.py) and reply clock (engine.py).

No Django and no database here; cases/clocksync.py connects it to the models."""
