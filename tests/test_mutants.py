"""`exchange-e2e mutants`: cosmic-ray runs for real on a small module, the sample is seeded, and
the survivors table in seeds/mutants.toml is read strictly."""

import sys
import textwrap

import pytest

from fixtures import mutants
from fixtures.mutants import Survivor, Target, TableError


def test_the_project_table_names_modules_that_exist_and_classifies_survivors_properly():
    targets, survivors = mutants.load_table()
    assert len(targets) >= 10
    assert {s.klass for s in survivors} <= set(mutants.CLASSES)
    assert {s.module for s in survivors} <= {t.module for t in targets}


@pytest.mark.parametrize(("entry", "complaint"), [
    ('module = "mock_exchange/lockout.py"\nline = "x"\nbecomes = "y"\n'
     'class = "harmless"\nreason = "r"', "is not one of"),
    ('module = "mock_exchange/lockout.py"\nline = "x"\nbecomes = "y"\nclass = "gap"', "lacks ['reason']"),
])
def test_a_survivor_entry_without_a_known_class_or_a_reason_is_refused(tmp_path, entry, complaint):
    table = tmp_path / "mutants.toml"
    table.write_text(f"[[survivor]]\n{entry}\n")
    with pytest.raises(TableError, match=complaint.replace("[", r"\[").replace("]", r"\]")):
        mutants.load_table(table)


def test_mutants_inside_annotations_are_told_apart():
    source = "def f(a: int | None, *, b: list[int] = []) -> dict[str, int]:\n    x: int = a + 1\n    return {}\n"
    spans = mutants.annotation_lines(source)
    assert mutants._inside((1, 9), spans)  # the | of int | None
    assert not mutants._inside((2, 13), spans)  # the + of a + 1


def test_the_mutated_line_is_read_off_the_diff():
    diff = ("--- mutation diff ---\n--- a/m.py\n+++ b/m.py\n@@ -22,5 +22,5 @@\n     day = start\n \n"
            "-    if day.weekday() < 5:\n+    if day.weekday() < 4:\n         counted += 1\n")
    assert mutants._mutated_line(diff) == (24, "if day.weekday() < 5:", "if day.weekday() < 4:")


def test_cosmic_ray_kills_what_the_tests_notice_and_a_classified_survivor_leaves_the_score(tmp_path):
    tree, out = tmp_path / "tree", tmp_path / "out"
    (tree / "pkg").mkdir(parents=True)
    out.mkdir()
    (tree / "pkg" / "rule.py").write_text(textwrap.dedent('''\
        def locked(failures: int) -> bool:
            return failures >= 5


        def label(failures: int) -> str:
            return "locked" if failures >= 5 else "open"
        '''))
    # the "suite" checks the rule at its boundary but never reads the label
    check = "from pkg.rule import locked; assert locked(5) and locked(6) and not locked(4)"
    target = Target("pkg/rule.py", ())
    equivalent = Survivor("pkg/rule.py", 'return "locked" if failures >= 5 else "open"',
                          'return "locked" if failures > 5 else "open"', "equivalent", "for the test's sake")
    result = mutants.run_module(target, tree, [equivalent], sample=None, seed=1,
                                command=[sys.executable, "-c", check], out_dir=out)
    assert not isinstance(result, str), result
    by_line = {}
    for mutant in result.mutants:
        by_line.setdefault(mutant.line_number, set()).add(mutant.outcome)
    assert by_line[2] == {"killed"}, "every mutant of the checked rule is killed"
    assert "survived" in by_line[6], "the unread label survives"
    classified = [m for m in result.mutants if m.klass == "equivalent"]
    assert len(classified) == 1 and classified[0].becomes == equivalent.becomes
    assert result.scored == len(result.mutants) - result.count("incompetent") - 1
    assert (tree / "pkg" / "rule.py").read_text().startswith("def locked"), "the tree is restored"


def test_a_sample_takes_n_places_one_mutant_each_and_the_same_seed_the_same_ones(tmp_path):
    chosen = []
    for run in range(2):
        tree, out = tmp_path / f"tree{run}", tmp_path / f"out{run}"
        (tree / "pkg").mkdir(parents=True)
        out.mkdir()
        (tree / "pkg" / "rule.py").write_text("def f(a, b):\n    return (a + b, a - b, a * b, a < b)\n")
        result = mutants.run_module(Target("pkg/rule.py", ()), tree, [], sample=2, seed=7,
                                    command=[sys.executable, "-c", "pass"], out_dir=out)
        assert len(result.mutants) == 2 and result.places >= 4
        chosen.append(sorted((m.operator, m.becomes) for m in result.mutants))
    assert chosen[0] == chosen[1]
