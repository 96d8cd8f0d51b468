"""End to end in headless Chromium: the real server on a free port, the seeds and the sample.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make test`` installs them) and
../shared/seeds; skips cleanly without either. Set ``CROSSWIRE_SCREENSHOT=docs/story-page.png``
to save the story page as the README's picture.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from crosswire.store import open_store

from .conftest import SEEDS
from .webdata import copy_db, have_seeds

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
KEY = "e2e-key"

pytestmark = [
    pytest.mark.skipif(not have_seeds(), reason="../shared/seeds is not available"),
    pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                       reason="chromium and chromium-driver are not installed (make test installs them)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = copy_db(tmp_path_factory.mktemp("e2e"))
    port = _free_port()
    env = {**os.environ, "CROSSWIRE_API_KEY": KEY}
    proc = subprocess.Popen([sys.executable, "-m", "crosswire", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/stories?limit=1", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("server exited: " + proc.stdout.read().decode(errors="replace"))  # type: ignore[union-attr]
                time.sleep(0.1)
        else:
            pytest.fail("server did not start within 30 s")
        yield base, db
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


def _post(base: str, record: dict) -> dict:
    req = urllib.request.Request(base + "/api/articles", data=json.dumps(record).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "X-API-Key": KEY})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def test_analyst_follows_the_kazakhstan_story(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, db = server
    with open_store(db) as s:
        seed_ids = [a.id for a in s.articles() if a.origin.startswith(str(SEEDS))]
        (sid,) = set(s.stories_of(seed_ids).values())

    # the stories page lists the story; open it
    browser.get(base + "/")
    link = browser.find_element(By.CSS_SELECTOR, f'tr[data-story="{sid}"] a')
    assert "Kasakhstan" in link.text
    link.click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith(f"/stories/{sid}"))

    # the figure table shows the disputed death toll
    killed = browser.find_element(By.CSS_SELECTOR, 'tbody.figure-row[data-category="killed"][data-subject="people"]')
    assert killed.get_attribute("data-status") == "disagree"
    assert killed.find_element(By.CSS_SELECTOR, ".badge").text.lower() == "disagree"
    values = [td.text for td in killed.find_elements(By.CSS_SELECTOR, "td.value")]
    assert "164" in values and "26" in values
    row = next(tr for tr in killed.find_elements(By.CSS_SELECTOR, "tr.report")
               if tr.find_element(By.CSS_SELECTOR, "td.value").text == "164")
    quote = row.find_element(By.CSS_SELECTOR, "details q")
    assert not quote.is_displayed()
    row.find_element(By.TAG_NAME, "summary").click()  # the evidence sentence, in its own language
    assert quote.is_displayed() and "164" in quote.text and quote.get_attribute("lang") == "nn"
    if target := os.environ.get("CROSSWIRE_SCREENSHOT"):
        browser.save_screenshot(target)

    # search for Tokajev finds the story
    box = browser.find_element(By.CSS_SELECTOR, "header form.search input[name=q]")
    box.send_keys("Tokajev")
    box.submit()
    WebDriverWait(browser, 10).until(lambda d: "/search" in d.current_url)
    found = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#hit-stories a")]
    assert found == [f"{base}/stories/{sid}"]

    # a new article through the API: the count on the open stories page grows, no reload
    browser.get(base + "/")
    cell = browser.find_element(By.CSS_SELECTOR, f'[data-story-count="{sid}"]')
    before = int(cell.text)
    browser.execute_script("window.__notReloaded = true")
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    body = seed.split("\n", 1)[1]
    copy = {"id": "e2e-wire-copy", "published": "2022-01", "source": "wire.example", "lang": "nn",
            "text": body.replace(".", " i dag.", 1)}
    joined = _post(base, copy)["articles"][0]
    assert joined["story"]["id"] == sid and joined["story"]["n_articles"] == before + 1
    WebDriverWait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, f'[data-story-count="{sid}"]').text
                                     == str(before + 1))
    assert browser.execute_script("return window.__notReloaded === true")
    assert "grown" in browser.find_element(By.ID, "live-status").text


def test_new_story_appears_on_the_stories_page(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, _ = server
    browser.get(base + "/")
    rec = {"id": "e2e-new-story", "lang": "en", "source": "wire.example", "published": "2026-01-05T09:00:00Z",
           "title": "Lighthouse keeper rescues 14 kayakers off Runde",
           "text": "A lighthouse keeper on the island of Runde rescued 14 kayakers who were caught by a sudden "
                   "storm on Sunday, the Joint Rescue Coordination Centre said. All were brought ashore unhurt."}
    sid = _post(base, rec)["articles"][0]["story"]["id"]
    row = WebDriverWait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, f'tr[data-story="{sid}"]'))
    assert "Lighthouse keeper" in row[0].text and row[0].find_element(By.CSS_SELECTOR, ".num").text == "1"
