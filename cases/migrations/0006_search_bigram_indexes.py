"""The search's bigram indexes, on PostgreSQL (cases/searchindex.py uses them; elsewhere the search
reads the rows as before, which a township's few hundred cases a year do not notice).

Each application is indexed under "<office id>:<two characters>" for every two consecutive characters
of its number and of its content; each applicant under every two consecutive characters of the name.
The functions use only built-in functions, so that ANALYZE, autovacuum and restores, which run with a
restricted search_path, can compute them too."""

from django.db import migrations

CREATE = [
    """
CREATE OR REPLACE FUNCTION gongkai_application_grams(agency_id bigint, number text, content text)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT agency_id::text || ':' || substr(t, i, 2)), '{}')
  FROM unnest(ARRAY[number, content]) AS t, generate_series(1, char_length(t) - 1) AS i
$$
""",
    """
CREATE OR REPLACE FUNCTION gongkai_name_grams(name text)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(name, i, 2)), '{}')
  FROM generate_series(1, char_length(name) - 1) AS i
$$
""",
    "CREATE INDEX app_search_grams ON cases_application"
    " USING gin (gongkai_application_grams(agency_id, number, content))",
    "CREATE INDEX applicant_name_grams ON cases_applicant USING gin (gongkai_name_grams(name))",
]

DROP = [
    "DROP INDEX IF EXISTS app_search_grams",
    "DROP INDEX IF EXISTS applicant_name_grams",
    "DROP FUNCTION IF EXISTS gongkai_application_grams(bigint, text, text)",
    "DROP FUNCTION IF EXISTS gongkai_name_grams(text)",
]


def on_postgresql(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_index_supplement_requests"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False),
    ]
