"""Seed the working-day calendar from the chinese-calendar package, for every year it covers,
so every new database (a test database, a new office's server) has it with no extra step."""

from django.db import migrations

SOURCE = "chinese-calendar {version}（国务院办公厅历年节假日安排通知）"


def seed(apps, schema_editor):
    import chinese_calendar
    from chinese_calendar import constants

    chinese = {h.value: h.chinese for h in constants.Holiday}

    CalendarDay = apps.get_model("cases", "CalendarDay")
    CalendarYear = apps.get_model("cases", "CalendarYear")
    version = getattr(chinese_calendar, "__version__", "")
    source = SOURCE.format(version=version)
    days = []
    for day, holiday in sorted(constants.holidays.items()):
        days.append(CalendarDay(day=day, workday=False, name=chinese.get(holiday, holiday), source=source))
    for day, holiday in sorted(constants.workdays.items()):
        days.append(CalendarDay(day=day, workday=True, name=f"{chinese.get(holiday, holiday)}调休上班", source=source))
    CalendarDay.objects.bulk_create(days, ignore_conflicts=True)
    years = sorted({d.year for d in constants.holidays} | {d.year for d in constants.workdays})
    CalendarYear.objects.bulk_create([CalendarYear(year=y, source=source) for y in years], ignore_conflicts=True)


def unseed(apps, schema_editor):
    apps.get_model("cases", "CalendarDay").objects.filter(source__startswith="chinese-calendar").delete()
    apps.get_model("cases", "CalendarYear").objects.filter(source__startswith="chinese-calendar").delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
