"""Publishing: publishconf.py gives absolute URLs (with a sub-path); CI workflows gate the deploy."""

import os
import xml.etree.ElementTree as ET

import yaml
from helpers import FIXTURE, ROOT, broken_links, build_site

BASE = "https://example.github.io/quartiersschau"


def test_publish_build_uses_absolute_sub_path_urls(tmp_path):
    env = {**os.environ, "QS_SITEURL": BASE}
    result = build_site(FIXTURE, tmp_path / "out", tmp_path / "cache", env=env, config="publishconf.py")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    home = (out / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="stylesheet" href="{BASE}/theme/css/quartiersschau.css">' in home
    assert f'<link rel="canonical" href="{BASE}/">' in home
    assert broken_links(out, prefix="/quartiersschau", public=BASE) == []
    feed = ET.parse(out / "geschichten/feed.xml").getroot()
    assert feed.find("{http://www.w3.org/2005/Atom}id").text.startswith(BASE)
    assert (out / "robots.txt").read_text().endswith(f"Sitemap: {BASE}/sitemap.xml\n")


def test_github_workflow_deploys_only_after_build_and_tests():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", step.get("uses", "")) for step in workflow["jobs"]["build"]["steps"]]
    assert steps.index("make publish") < steps.index("make test") < steps.index("actions/upload-pages-artifact@v3")
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_gitlab_pipeline_publishes_only_after_build_and_tests():
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    script = pipeline["pages"]["script"]
    assert (
        script.index("make publish") < script.index("make test") < script.index("rm -rf public && cp -r output public")
    )
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]


def test_ci_entry_calls_make_test():
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
