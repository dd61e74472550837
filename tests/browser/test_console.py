"""Browser tests of the web console, driven by Playwright with Debian's chromium.

scripts/browser-test starts the cluster and sets the environment; each check is a function
named check_*, run in order on one signed-in page. The last line is 'N passed, N failed'
and the exit status is non-zero when any check failed.
"""
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse

from playwright.sync_api import expect, sync_playwright

URL = os.environ["CONSOLE_URL"]
TOKEN = os.environ["CONSOLE_TOKEN"]
MRSUBMIT = os.environ["MRSUBMIT"]
CLUSTER = os.environ["MR_CLUSTER"]
SECRET_FILE = os.environ["MR_SECRET_FILE_PATH"]
DATA = os.environ["SHARED_DATA"]
WORK = os.environ["WORK_DIR"]
SHOTS = os.environ["SCREENSHOTS"]
XRAY = os.path.join(DATA, "images", "low_contrast_x-ray.tiff")
BOOK = os.path.join(DATA, "books", "pg84.txt")
TIMEOUT = 60_000


def sign_in(page):
    page.goto(URL + "/login")
    page.fill("input[name=token]", TOKEN)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(URL + "/")
    assert page.locator("meta[name=csrf-token]").get_attribute("content"), "no CSRF token after sign-in"


def wait_for_success(page):
    page.wait_for_url(re.compile(r".*/jobs/job_\d+_\d+$"), timeout=TIMEOUT)
    expect(page.locator("#live .badge").first).to_have_text("succeeded", timeout=TIMEOUT)


def check_histeq_upload_run_and_download(page):
    page.goto(URL + "/run")
    page.click("#installed-jobs a:text-is('histeq')")
    page.wait_for_url(URL + "/run/histeq")
    page.set_input_files("#run-form input[type=file]", XRAY)
    page.fill("#run-form input[name='option.mode']", "luma")
    page.click("#run-form button[type=submit]")
    wait_for_success(page)
    expect(page.locator("#binary")).to_have_text("built-in")
    images = page.locator("#artifacts img.artifact-image")
    expect(images).to_have_count(2, timeout=TIMEOUT)
    for index in range(2):
        page.wait_for_function(f"document.querySelectorAll('#artifacts img.artifact-image')[{index}].naturalWidth > 0",
                               timeout=TIMEOUT)
    expect(page.locator("#artifacts svg.histogram")).to_have_count(2)
    expect(page.locator("#artifacts figcaption").first).to_have_text("low_contrast_x-ray.tiff before")
    with page.expect_download() as info:
        page.click("#output a:text-is('low_contrast_x-ray.tiff')")
    download = info.value
    assert download.suggested_filename == "low_contrast_x-ray.tiff", download.suggested_filename
    downloaded = os.path.join(WORK, "downloaded.tiff")
    download.save_as(downloaded)
    reference_dir = tempfile.mkdtemp(dir=WORK)
    source = os.path.join(reference_dir, "low_contrast_x-ray.tiff")
    with open(XRAY, "rb") as original, open(source, "wb") as copy:
        copy.write(original.read())
    subprocess.run([MRSUBMIT, "histeq", source, "--mode", "luma"], cwd=reference_dir, check=True, capture_output=True)
    with open(downloaded, "rb") as a, open(os.path.join(reference_dir, "low_contrast_x-ray_equalized.tiff"), "rb") as b:
        assert a.read() == b.read(), "the console's result differs from mrsubmit histeq's"
    page.screenshot(path=os.path.join(SHOTS, "histeq.png"), full_page=True)


def check_wordcount_from_the_page_reaches_100_percent(page):
    page.goto(URL + "/")
    page.set_input_files("#upload-form input[type=file]", BOOK)
    with page.expect_response(lambda response: "/api/v1/uploads" in response.url and response.status == 201):
        page.click("#upload-form button[type=submit]")
    expect(page.locator("#uploads", has_text="pg84.txt")).to_have_count(1, timeout=TIMEOUT)
    page.goto(URL + "/run/wordcount")
    option = page.locator("#run-form select[name=uploads] option", has_text="pg84.txt")
    page.select_option("#run-form select[name=uploads]", option.get_attribute("value"))
    page.check("#run-form input[name='option.normalize']")
    page.screenshot(path=os.path.join(SHOTS, "run.png"), full_page=True)
    page.click("#run-form button[type=submit]")
    wait_for_success(page)
    labels = page.locator("#phases .barlabel").all_inner_texts()
    assert labels and all(label.endswith("100%") for label in labels), labels
    expect(page.locator("#tasks tbody tr").first).to_be_visible()
    page.click("#tasks button[data-sort=duration]")
    durations = [float(cell.get_attribute("data-value")) for cell in page.locator("#tasks tbody tr td:nth-child(5)").all()]
    assert durations == sorted(durations, reverse=True), durations
    expect(page.locator("svg.timeline")).to_be_visible()
    expect(page.locator("#output a").first).to_have_text("part-r-00000")
    page.screenshot(path=os.path.join(SHOTS, "job.png"), full_page=True)


def check_kill_a_running_job(page):
    slow = os.path.join(WORK, "slow.txt")
    with open(slow, "w") as handle:
        handle.write("a FAULT line\n")
    job = subprocess.run(
        [MRSUBMIT, "fault-sleep", slow, "-D", "fault.sleep-seconds=120", "--detach", "-o", os.path.join(WORK, "slow-out"),
         "--cluster", CLUSTER, "--secret-file", SECRET_FILE],
        check=True, capture_output=True, text=True).stdout.strip()
    page.goto(URL + "/jobs/" + job)
    expect(page.locator("#live .badge").first).to_have_text("running", timeout=TIMEOUT)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#kill")
    expect(page.locator("#live .badge").first).to_have_text("killed", timeout=TIMEOUT)


def check_dashboard(page):
    page.goto(URL + "/")
    expect(page.locator(".cards .card").first).to_be_visible()
    expect(page.locator("#jobs tbody tr")).not_to_have_count(0)
    page.screenshot(path=os.path.join(SHOTS, "dashboard.png"), full_page=True)
    page.goto(URL + "/trackers")
    expect(page.locator("#trackers tbody tr")).to_have_count(2)
    page.goto(URL + "/logs")
    expect(page.locator("#logs tbody tr").first).to_be_visible()
    tracker = page.locator("#log-filter select[name=source] option").nth(1).get_attribute("value")
    page.select_option("#log-filter select[name=source]", tracker)
    page.click("#log-filter button[type=submit]")
    sources = set(page.locator("#logs tbody tr td:nth-child(3)").all_inner_texts())
    assert sources == {tracker}, sources
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/", "/run", "/run/histeq", "/trackers", "/logs"):
        page.goto(URL + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways on a phone by {overflow} px"
    page.goto(URL + "/")
    page.screenshot(path=os.path.join(SHOTS, "dashboard-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1100, "height": 800})


def check_hostile_file_name_is_escaped(page):
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    with open(XRAY, "rb") as handle:
        data = handle.read()
    page.goto(URL + "/run/histeq")
    page.set_input_files("#run-form input[type=file]",
                         files=[{"name": "<img src=x onerror=alert(1)>.tif", "mimeType": "image/tiff", "buffer": data}])
    page.click("#run-form button[type=submit]")
    wait_for_success(page)
    expect(page.locator("#artifacts figcaption").first).to_have_text("<img src=x onerror=alert(1)>.tif before", timeout=TIMEOUT)
    page.goto(URL + "/")
    expect(page.locator("#uploads")).to_contain_text("<img src=x onerror=alert(1)>.tif")
    page.wait_for_timeout(500)
    assert not alerts, f"a script ran: {alerts}"
    assert page.locator("img[src=x]").count() == 0


def check_requests_without_csrf_or_with_bad_paths_are_refused(page):
    page.goto(URL + "/")
    statuses = page.evaluate("""async () => {
        const csrf = document.querySelector('meta[name="csrf-token"]').content;
        const post = (url, headers, body) => fetch(url, {method: "POST", headers, body}).then(r => r.status);
        return {
            noToken: await post("/api/v1/jobs", {"Content-Type": "application/json"}, JSON.stringify({job: "wordcount", files: ["x"]})),
            badName: await post("/api/v1/uploads?name=" + encodeURIComponent("../../escape.txt"), {"X-CSRF-Token": csrf}, "x"),
            badFile: await post("/api/v1/jobs", {"X-CSRF-Token": csrf, "Content-Type": "application/json"},
                                JSON.stringify({job: "wordcount", files: ["../../etc/passwd"]})),
            tooLarge: await post("/api/v1/uploads?name=big.txt", {"X-CSRF-Token": csrf}, new Uint8Array(9 * 1024 * 1024)),
            traversal: await fetch("/api/v1/uploads/..%2F..%2Fsecret/original").then(r => r.status),
        };
    }""")
    assert statuses == {"noToken": 403, "badName": 400, "badFile": 400, "tooLarge": 413, "traversal": 404}, statuses
    for root, _, files in os.walk(WORK):
        assert "escape.txt" not in files, f"escape.txt written in {root}"


def main():
    os.makedirs(SHOTS, exist_ok=True)
    checks = [value for name, value in globals().items() if name.startswith("check_")]
    passed = failed = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1100, "height": 800}, color_scheme="dark", accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        sign_in(page)
        for check in checks:
            started = time.time()
            try:
                check(page)
                passed += 1
                print(f"PASS {check.__name__} ({time.time() - started:.1f} s)", flush=True)
            except Exception:
                failed += 1
                print(f"FAIL {check.__name__}", flush=True)
                traceback.print_exc()
                page.screenshot(path=os.path.join(WORK, f"{check.__name__}.png"))
        browser.close()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
