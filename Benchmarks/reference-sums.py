"""The reference `make bench-run` prints beside phare when DuckDB or polars can be imported:
read the export and sum every answer by region, on every core (plain sums: no weighting, no
standard error). Not a dependency of phare or its tests.

Usage: python3 reference-sums.py duckdb|polars EXPORT
"""
import sys

engine, export = sys.argv[1], sys.argv[2]
if engine == "duckdb":
    import duckdb

    source = f"read_csv('{export}', delim = ',', quote = '\"', header = true, all_varchar = true, strict_mode = false, ignore_errors = true, null_padding = true)"
    names = [row[0] for row in duckdb.sql(f"DESCRIBE SELECT * FROM {source}").fetchall()]
    answers = [n for n in names if n.startswith(("importance_", "priorite_", "coconstruction_", "alliances"))]
    sums = ", ".join(f'SUM(TRY_CAST("{n}" AS DOUBLE))' for n in answers)
    rows = duckdb.sql(
        f"SELECT region, COUNT(*), {sums} FROM {source} GROUP BY region"
    ).fetchall()
elif engine == "polars":
    import polars as pl

    frame = pl.read_csv(export, infer_schema=False, ignore_errors=True, truncate_ragged_lines=True)
    answers = [n for n in frame.columns if n.startswith(("importance_", "priorite_", "coconstruction_", "alliances"))]
    rows = frame.group_by("region").agg(
        [pl.len()] + [pl.col(n).cast(pl.Float64, strict=False).sum() for n in answers]
    ).rows()
else:
    sys.exit(f"unknown engine {engine}")
print(f"{engine}: {len(rows)} regions, {len(answers)} answers summed")
