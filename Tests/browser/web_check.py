#!/usr/bin/env python3
"""End-to-end test of `agenda-audit serve` in a real headless Chromium.

Starts the server on a free loopback port, uploads a draft through the
form as a person would, and asserts on the rendered result page: the
verdict, a highlighted passage and the advice for a missing element. Also:
the upload limit, a wrong file type, and a server that keeps answering after
a malformed request. Saves a screenshot outside the repository.

Run by .ci/run after `swift test`; needs chromium, chromium-driver and the
selenium package (the driver is named explicitly, so nothing is downloaded).
Prints "N passed, N failed" and exits non-zero on a failure.
"""
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("AGENDA_AUDIT_BIN", os.path.join(ROOT, ".build", "debug", "agenda-audit"))
ARTIFACTS = os.environ.get("AGENDA_AUDIT_ARTIFACTS", os.path.join(tempfile.gettempdir(), "agenda-audit-artifacts"))
DRIVER = "/usr/bin/chromedriver"

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition)))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f" -- {detail}"), flush=True)


def submit_and_wait(driver, selector):
    """Press the form's button and wait (up to 60 s) for the next page's element."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 60).until(expected_conditions.staleness_of(old))
    return WebDriverWait(driver, 60).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, selector)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except Exception:
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer at {url}")


def status_of(request):
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, AGENDA_AUDIT_RUBRIC=os.path.join(ROOT, "rubric.json"))
    server = subprocess.Popen([BINARY, "serve", "--port", str(port), "--max-upload-mb", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
    try:
        run_checks(base, port, server)
    except Exception as error:  # a step that cannot run is a failure, not a crash
        import traceback
        traceback.print_exc()
        check("browser steps ran to the end", False, repr(error)[:300])
    finally:
        driver = DRIVER_HOLDER.get("driver")
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    passed = sum(1 for _, ok in results if ok)
    failed = len(results) - passed
    print(f"web: {passed} passed, {failed} failed")
    return 1 if failed else 0


DRIVER_HOLDER = {}


def run_checks(base, port, server):
    wait_for(base + "/")
    banner = server.stdout.readline() + server.stdout.readline()
    check("server prints the address to open", f"127.0.0.1:{port}" in banner, banner)

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,2400", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps",
                 "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                 # Anything that is not loopback goes to a dead proxy: nothing leaves the machine.
                 "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    DRIVER_HOLDER["driver"] = driver
    driver.set_page_load_timeout(60)

    # The start page: three sentences, labelled fields, keyboard reachable.
    driver.get(base + "/")
    check("start page explains the check", "beleidscyclus" in driver.find_element(By.CLASS_NAME, "lead").text)
    labels = {label.get_attribute("for") for label in driver.find_elements(By.TAG_NAME, "label")}
    check("file field and text area have labels", {"file", "text"} <= labels, labels)

    # Upload the weak draft as a person would: choose the file, press the button.
    draft = os.path.join(ROOT, "drafts", "voorbeeld-zwak.txt")
    driver.find_element(By.ID, "file").send_keys(draft)
    verdict = submit_and_wait(driver, "#verdict").text
    check("verdict on the result page", "Nog niet klaar om in te dienen" in verdict, verdict)
    marks = driver.find_elements(By.CSS_SELECTOR, "#passages mark")
    check("a passage of the draft is highlighted", len(marks) > 0 and marks[0].text.strip() != "")
    advice = driver.find_element(By.ID, "missing").text
    check("advice for a missing element, with an example", "Meetbare doelen" in advice and "Bijvoorbeeld" in advice, advice[:200])
    check("downloads as JSON and HTML", len(driver.find_elements(By.CSS_SELECTOR, ".downloads a[download]")) == 2)
    other = driver.find_elements(By.CSS_SELECTOR, "#other-language[download]")
    check("the English link keeps the result (a download of this check in English)",
          len(other) == 1 and other[0].get_attribute("href").startswith("data:text/html"))
    screenshot = os.path.join(ARTIFACTS, "web-check-result.png")
    driver.save_screenshot(screenshot)
    check("screenshot saved", os.path.getsize(screenshot) > 10000, screenshot)

    # The model draft, pasted into the text area, in English.
    driver.get(base + "/?lang=en")
    with open(os.path.join(ROOT, "drafts", "voorbeeld-goed.txt"), encoding="utf-8") as handle:
        driver.find_element(By.ID, "text").send_keys(handle.read())
    verdict = submit_and_wait(driver, "#verdict").text
    check("pasted model draft is ready (English page)", "Ready to submit" in verdict, verdict)

    # A PDF agenda: its passages cite the page.
    driver.get(base + "/")
    driver.find_element(By.ID, "file").send_keys(os.path.join(ROOT, "Tests", "Fixtures", "pdf", "layout.pdf"))
    submit_and_wait(driver, "#verdict")
    places = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".place")]
    check("PDF upload: passages cite their page", "blz. 3" in places and "blz. 4" in places, places)

    # A wrong file type gets a friendly page.
    with tempfile.NamedTemporaryFile("w", suffix=".odt", delete=False) as bad:
        bad.write("PK niet ondersteund")
    driver.get(base + "/")
    driver.find_element(By.ID, "file").send_keys(bad.name)
    check("wrong file type: friendly error", "bestandstype" in submit_and_wait(driver, "[role=alert]").text)

    # Over the upload limit (1 MB here).
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as large:
        large.write("Een lange alinea over de banenafspraak. " * 40000)
    driver.get(base + "/")
    driver.find_element(By.ID, "file").send_keys(large.name)
    check("upload over the limit: friendly error", "te groot" in submit_and_wait(driver, "[role=alert]").text)

    # A malformed request, then the server still answers.
    request = urllib.request.Request(base + "/check", data=b"--x\r\ngarbage", method="POST",
                                     headers={"Content-Type": "multipart/form-data; boundary=x"})
    code, body = status_of(request)
    check("malformed request: 400 with a page, no stack trace", code == 400 and "Er ging iets mis" in body, code)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        raw.sendall(b"GARBAGE / HTTP/9.9\r\n\r\n")
        raw.recv(1024)
    code, _ = status_of(urllib.request.Request(base + "/"))
    check("server keeps answering after malformed requests", code == 200, code)
    code, body = status_of(urllib.request.Request(base + "/bestaat-niet"))
    check("unknown page: friendly 404", code == 404 and "bestaat niet" in body, code)


if __name__ == "__main__":
    sys.exit(main())
