"""Each suite test's Allure result carries a description quoting the seed lines it verifies."""

import json
import subprocess
import sys

from fixtures.catalogue import PROJECT_ROOT, load_catalogue, seed_quote

ONE_TEST = "suites/coinex/kyc/test_kyc_limits.py"


def test_the_result_description_quotes_each_behaviours_seed_lines_with_file_and_lines(tmp_path):
    results = tmp_path / "allure-results"
    run = subprocess.run([sys.executable, "-m", "pytest", ONE_TEST, "-q", "-n", "0", "-p", "no:cacheprovider",
                          f"--alluredir={results}", f"--basetemp={tmp_path / 'tmp'}"],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:]
    found = [json.loads(path.read_text()) for path in results.glob("*-result.json")]
    assert found
    catalogue = load_catalogue()
    for result in found:
        ids = [label["value"] for label in result["labels"] if label["name"] == "tag" and label["value"] in catalogue]
        assert ids, result["name"]
        description = result.get("description") or ""
        for behaviour_id in ids:
            behaviour = catalogue[behaviour_id]
            assert f"**{behaviour_id}** ({behaviour.reference})" in description, (result["name"], description)
            for line in seed_quote(behaviour).splitlines():
                assert f"> {line}" in description, (result["name"], line)
